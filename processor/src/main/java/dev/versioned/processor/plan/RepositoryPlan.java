package dev.versioned.processor.plan;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.versioned.processor.plan.Statement.Bind;
import dev.versioned.processor.plan.Statement.Kind;
import dev.versioned.processor.plan.Statement.Role;
import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one repository contains, worked out once from a validated record: the facts every writer
 * reads (the version's kind, each column's binding, the generated key) and the statements it runs
 * on every call, as data. Writers decide nothing about the record by themselves.
 *
 * @param model the record as read
 * @param version its version component
 * @param kind how the version advances
 * @param identityKey the key component the database generates, or null
 * @param touches the parents its writes touch ({@code @Touch}); empty for none
 * @param statements the cached statements, in the order the {@code Sql} class declares them
 */
public record RepositoryPlan(
    RecordModel model,
    ComponentModel version,
    VersionKind kind,
    ComponentModel identityKey,
    List<TouchTarget> touches,
    List<Statement> statements) {

  /** The types of a key the database may generate (an identity column). */
  private static final Set<TypeName> GENERATED_KEY_TYPES =
      Set.of(
          TypeName.SHORT.box(),
          TypeName.INT.box(),
          TypeName.LONG.box(),
          ClassName.get("java.math", "BigInteger"));

  /** The statement that inserts a row. */
  public static final String INSERT_ROW = "insertRow";

  /** The statement that reads a row by its key. */
  public static final String SELECT_ROW = "selectRow";

  /** The statement that reads a row by its key with a locking read. */
  public static final String LOCK_ROW = "lockRow";

  /** The compare-and-increment of every column. */
  public static final String UPDATE_ROW = "updateRow";

  /** The version-checked delete. */
  public static final String DELETE_ROW = "deleteRow";

  /** The version-checked increment of the version alone. */
  public static final String TOUCH_ROW = "touchRow";

  /**
   * The plan with its lists copied.
   *
   * @param model the record
   * @param version the version component
   * @param kind the version's kind
   * @param identityKey the generated key, or null
   * @param touches the parents touched
   * @param statements the cached statements
   */
  public RepositoryPlan {
    touches = List.copyOf(touches);
    statements = List.copyOf(statements);
  }

  /**
   * Plans the repository of a record the validator passed.
   *
   * @param model the record
   * @param touches its {@code @Touch} components, which the validator passed
   * @return the plan
   */
  public static RepositoryPlan of(RecordModel model, List<TouchTarget> touches) {
    ComponentModel version = model.version();
    VersionKind kind = VersionKind.of(version);
    return new RepositoryPlan(
        model, version, kind, identityKey(model.keys()), touches, statements(model, kind));
  }

  private static List<Statement> statements(RecordModel model, VersionKind kind) {
    ComponentModel version = model.version();
    boolean primitive = version.primitive();
    String forNonNull = primitive ? "." : ", for a non-null version.";
    String forNull = ", for a null version: v IS NULL, and the new version is the first.";
    List<Bind> keys = binds(model.keys(), Role.KEY);
    List<Bind> expected = List.of(new Bind(version, Role.EXPECTED_VERSION));
    List<Bind> next = kind.timestamp() ? List.of(new Bind(version, Role.NEXT_VERSION)) : List.of();
    List<Bind> values = binds(model.values(), Role.VALUE);

    List<Statement> all = new ArrayList<>();
    all.add(
        new Statement(
            INSERT_ROW,
            "Inserts every column.",
            Kind.INSERT,
            false,
            binds(model.components(), Role.VALUE)));
    all.add(new Statement(SELECT_ROW, "Reads the row with a key.", Kind.SELECT, false, keys));
    all.add(
        new Statement(
            LOCK_ROW, "Reads the row with a key with a locking read.", Kind.LOCK, false, keys));
    String update = "Compare-and-increment of every column";
    String delete = "Version-checked delete";
    String touch = "Version-checked increment of the version alone";
    all.add(
        new Statement(
            UPDATE_ROW,
            update + forNonNull,
            Kind.UPDATE,
            false,
            concat(values, next, keys, expected)));
    all.add(
        new Statement(DELETE_ROW, delete + forNonNull, Kind.DELETE, false, concat(keys, expected)));
    all.add(
        new Statement(
            TOUCH_ROW, touch + forNonNull, Kind.UPDATE, false, concat(next, keys, expected)));
    if (!primitive) {
      // A null version box is matched with IS NULL: a statement of its own.
      all.add(
          new Statement(
              nullVersion(UPDATE_ROW),
              update + forNull,
              Kind.UPDATE,
              true,
              concat(values, next, keys)));
      all.add(
          new Statement(
              nullVersion(DELETE_ROW),
              delete + ", for a null version (v IS NULL).",
              Kind.DELETE,
              true,
              keys));
      all.add(
          new Statement(
              nullVersion(TOUCH_ROW), touch + forNull, Kind.UPDATE, true, concat(next, keys)));
    }
    return all;
  }

  /**
   * The name of a version-checked statement's twin for a null version box.
   *
   * @param name {@link #UPDATE_ROW}, {@link #DELETE_ROW} or {@link #TOUCH_ROW}
   * @return for example {@code updateNullVersionRow}
   */
  public static String nullVersion(String name) {
    return name.replace("Row", "NullVersionRow");
  }

  private static List<Bind> binds(List<ComponentModel> components, Role role) {
    return components.stream().map(c -> new Bind(c, role)).toList();
  }

  @SafeVarargs
  private static List<Bind> concat(List<Bind>... parts) {
    List<Bind> all = new ArrayList<>();
    for (List<Bind> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  /**
   * The key component the database generates, if any: the only boxed key component, when it is an
   * integer type mapped directly. It is declared as the table's identity.
   */
  private static ComponentModel identityKey(List<ComponentModel> keys) {
    List<ComponentModel> boxed = keys.stream().filter(c -> !c.primitive()).toList();
    if (boxed.size() != 1) {
      return null;
    }
    ComponentModel key = boxed.get(0);
    if (key.mapping().kind() != ColumnMapping.Kind.DIRECT) {
      return null;
    }
    return GENERATED_KEY_TYPES.contains(key.type()) ? key : null;
  }

  /**
   * A cached statement by name.
   *
   * @param name one of the names this class declares
   * @return the statement
   * @throws IllegalArgumentException for another name
   */
  public Statement statement(String name) {
    for (Statement s : statements) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no statement " + name);
  }

  /**
   * The record's class.
   *
   * @return its name
   */
  public ClassName record() {
    return model.recordName();
  }

  /**
   * The repository's class.
   *
   * @return its name
   */
  public ClassName self() {
    return model.repositoryName();
  }

  /**
   * The record's name as Javadoc writes it, nested names joined by dots.
   *
   * @return for example {@code Outer.Inner}
   */
  public String recordText() {
    return String.join(".", record().simpleNames());
  }

  /**
   * The key components, in declaration order.
   *
   * @return the keys
   */
  public List<ComponentModel> keys() {
    return model.keys();
  }

  /**
   * The components that are neither key nor version, in declaration order.
   *
   * @return the values
   */
  public List<ComponentModel> values() {
    return model.values();
  }

  /**
   * Every component, in declaration order.
   *
   * @return the components
   */
  public List<ComponentModel> components() {
    return model.components();
  }

  /**
   * The key components that may be null (a key the database may generate).
   *
   * @return the boxed keys
   */
  public List<ComponentModel> boxedKeys() {
    return keys().stream().filter(c -> !c.primitive()).toList();
  }

  /**
   * Whether a key component may be null.
   *
   * @return true with a boxed key component
   */
  public boolean hasBoxedKey() {
    return keys().stream().anyMatch(c -> !c.primitive());
  }

  /**
   * The integer version's facts.
   *
   * @return the kind, as counting
   * @throws IllegalStateException for a timestamp version
   */
  public VersionKind.Counting counting() {
    if (kind instanceof VersionKind.Counting counting) {
      return counting;
    }
    throw new IllegalStateException("a timestamp version has no integer facts");
  }

  /**
   * Whether every column is read with a plain JDBC getter, so the cached read maps rows itself.
   *
   * @return true when every column's binding is direct
   */
  public boolean readsDirectly() {
    return components().stream().allMatch(c -> Binding.of(c).direct());
  }

  /**
   * Whether {@code updateChanged} runs cached statements, one per set of changed columns: a
   * primitive integer version and 1 to 63 values (a bit each in a {@code long}).
   *
   * @return true when it does
   */
  public boolean cachesUpdateChanged() {
    return version.primitive() && !values().isEmpty() && values().size() < 64;
  }
}
