package dev.versioned.processor.reader;

import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads the {@code @Touch} components of a record and the parents they name. Like {@link
 * RecordReader} it reports nothing; a parent that does not resolve yet defers the record.
 */
public final class TouchReader {
  /** The annotation's qualified name. */
  public static final String TOUCH = "dev.versioned.Touch";

  private final RecordReader reader;

  /**
   * Creates a reader.
   *
   * @param reader reads a parent record's model
   */
  public TouchReader(RecordReader reader) {
    this.reader = reader;
  }

  /**
   * Reads the touches of a record.
   *
   * @param model the record, as read
   * @return one target per {@code @Touch} component, in declaration order
   * @throws Deferred when a parent, or a type a parent uses, is not resolved yet
   */
  public List<TouchTarget> read(RecordModel model) throws Deferred {
    List<TouchTarget> targets = new ArrayList<>();
    for (ComponentModel c : model.components()) {
      AnnotationMirror touch = touchOf(model.element(), c.name(), c.element());
      if (touch == null) {
        continue;
      }
      AnnotationValue value = RecordReader.annotationValue(touch, "value");
      TypeMirror type = value == null ? null : typeOf(value);
      if (type == null || type.getKind() == TypeKind.ERROR) {
        throw new Deferred(
            type == null
                ? "of the @Touch class of " + model.element().getSimpleName() + "." + c.name()
                : type.toString());
      }
      TypeElement parent = (TypeElement) ((DeclaredType) type).asElement();
      RecordModel parentModel =
          isVersionedRecord(parent) ? reader.read(parent) : null;
      targets.add(new TouchTarget(c, touch, value, parent, parentModel));
    }
    return List.copyOf(targets);
  }

  /**
   * The records a record's {@code @Touch} components name, unresolved ones left out: the edges of
   * the graph in which the validator looks for cycles.
   *
   * @param record a record
   * @return the parents it touches, in declaration order
   */
  public static List<TypeElement> parentsOf(TypeElement record) {
    List<TypeElement> parents = new ArrayList<>();
    if (record.getKind() != ElementKind.RECORD) {
      return parents;
    }
    for (RecordComponentElement rc : record.getRecordComponents()) {
      AnnotationMirror touch = touchOf(record, rc.getSimpleName().toString(), rc);
      AnnotationValue value = touch == null ? null : RecordReader.annotationValue(touch, "value");
      TypeMirror type = value == null ? null : typeOf(value);
      if (type != null && type.getKind() == TypeKind.DECLARED) {
        parents.add((TypeElement) ((DeclaredType) type).asElement());
      }
    }
    return parents;
  }

  private static boolean isVersionedRecord(TypeElement type) {
    return type.getKind() == ElementKind.RECORD
        && RecordReader.annotation(type, RecordReader.VERSIONED) != null;
  }

  /** The {@code @Touch} on the component, or on the record's field of its name. */
  private static AnnotationMirror touchOf(TypeElement record, String component, Element at) {
    AnnotationMirror mirror = RecordReader.annotation(at, TOUCH);
    if (mirror != null) {
      return mirror;
    }
    for (Element e : record.getEnclosedElements()) {
      if (e.getSimpleName().contentEquals(component)
          && (e.getKind() == ElementKind.RECORD_COMPONENT || e.getKind() == ElementKind.FIELD)) {
        mirror = RecordReader.annotation(e, TOUCH);
        if (mirror != null) {
          return mirror;
        }
      }
    }
    return null;
  }

  private static TypeMirror typeOf(AnnotationValue value) {
    return value.getValue() instanceof TypeMirror ? (TypeMirror) value.getValue() : null;
  }
}
