package dev.versioned.processor.validator;

import dev.versioned.processor.Message;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.reader.TouchReader;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;

/**
 * Judges the {@code @Touch} components of a record: the parent is a {@code @Versioned} record whose
 * repository can be generated, keyed by one component of the touching component's type; the
 * version holds no parent; and no chain of touches leads back to the record.
 */
public final class TouchValidator {
  /**
   * The version types a parent's touch knows how to advance: the integers (incremented) and the
   * timestamp versions (the later of now and the stored version plus one unit).
   */
  private static final Set<String> VERSION_TYPES =
      Set.of("short", "int", "long", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
          "java.time.Instant", "java.time.LocalDateTime", "java.time.OffsetDateTime");

  private final Reporter reporter;

  /**
   * Creates a validator.
   *
   * @param reporter where diagnostics go
   */
  public TouchValidator(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Reports every mistake of the record's touches, each at its component.
   *
   * @param model the record, which the record validator has passed
   * @param targets its touches
   */
  public void validate(RecordModel model, List<TouchTarget> targets) {
    String record = model.element().getSimpleName().toString();
    for (TouchTarget t : targets) {
      ComponentModel c = t.component();
      if (c.version()) {
        reporter.report(Message.TOUCH_ON_VERSION, c.element(), t.annotation(), null, record,
            c.name());
        continue;
      }
      String parent = t.parentName();
      if (t.parent() == null) {
        reporter.report(Message.TOUCH_NOT_VERSIONED, c.element(), t.annotation(), t.value(),
            parent, record, c.name(), parent, parent);
        continue;
      }
      List<ComponentModel> keys = t.parent().keys();
      if (keys.size() > 1) {
        reporter.report(Message.TOUCH_COMPOSITE_KEY, c.element(), t.annotation(), t.value(),
            parent, record, c.name(), parent,
            keys.stream().map(ComponentModel::name).collect(Collectors.joining(", ")));
        continue;
      }
      String invalid = invalid(t.parent());
      if (invalid != null) {
        reporter.report(Message.TOUCH_PARENT_INVALID, c.element(), t.annotation(), t.value(),
            parent, record, c.name(), parent, invalid, parent);
        continue;
      }
      ComponentModel key = keys.get(0);
      if (!c.boxedType().equals(key.boxedType())) {
        reporter.report(Message.TOUCH_KEY_TYPE, c.element(), t.annotation(), t.value(),
            parent, record, c.name(), c.typeText(), parent, key.name(), key.typeText(),
            key.typeText());
        continue;
      }
      List<String> cycle = cycle(model.element(), t.parentElement());
      if (cycle != null) {
        reporter.report(Message.TOUCH_CYCLE, c.element(), t.annotation(), t.value(),
            parent, record, c.name(), String.join(" -> ", cycle));
      }
    }
  }

  /** Why the parent's repository cannot be generated, or null when it can. */
  private static String invalid(RecordModel parent) {
    if (parent.keys().isEmpty()) {
      return "it has no key";
    }
    List<ComponentModel> versions =
        parent.components().stream().filter(ComponentModel::version).collect(Collectors.toList());
    if (versions.size() != 1) {
      return versions.isEmpty() ? "it has no version" : "it has more than one version";
    }
    if (!VERSION_TYPES.contains(versions.get(0).typeText())) {
      return "its version has type " + versions.get(0).typeText();
    }
    if (parent.keys().get(0).mapping() == null) {
      return "its key has no column mapping";
    }
    return null;
  }

  /**
   * The chain of touches from {@code record} through {@code parent} back to {@code record}, as
   * simple names, or null when there is none.
   */
  private static List<String> cycle(TypeElement record, TypeElement parent) {
    List<TypeElement> path = new ArrayList<>();
    path.add(record);
    return search(record, parent, path, new HashSet<>()) ? names(path) : null;
  }

  private static boolean search(
      TypeElement record, TypeElement at, List<TypeElement> path, Set<String> seen) {
    path.add(at);
    if (at.getQualifiedName().contentEquals(record.getQualifiedName())) {
      return true;
    }
    if (seen.add(at.getQualifiedName().toString())) {
      for (TypeElement next : TouchReader.parentsOf(at)) {
        if (search(record, next, path, seen)) {
          return true;
        }
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  private static List<String> names(List<TypeElement> path) {
    return path.stream().map(e -> e.getSimpleName().toString()).collect(Collectors.toList());
  }
}
