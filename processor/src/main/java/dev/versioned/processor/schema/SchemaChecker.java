package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.reader.RecordReader;
import dev.versioned.processor.reader.TimestampVersion;
import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import org.jooq.SQLDialect;

/**
 * Checks validated records against the schema of {@code -Aversioned.schema}: the table exists,
 * each component's column exists with a compatible type, the version column is an integer type
 * that fits the component (NOT NULL for a primitive), and the key is the primary key. Every
 * mismatch names the table, the column, its SQL type and the migration that last changed it.
 */
public final class SchemaChecker {
  private final Reporter reporter;
  private final Schema schema;

  /** For the record in hand: why its table cannot be verified, or null when it can. */
  private String unverified;

  private String checkedRecord;
  private String checkedTable;

  private SchemaChecker(Reporter reporter, Schema schema) {
    this.reporter = reporter;
    this.schema = schema;
  }

  /**
   * Loads the schema of the option. A path that does not exist, a migration that cannot be read,
   * or a changelog of a kind not read, is reported once, and records are then generated
   * unchecked. A statement that cannot be interpreted is a warning, and the tables it touches are
   * checked as warnings.
   *
   * @param option the value of {@code -Aversioned.schema}: locations separated by commas
   * @param dialect the dialect of {@code -Aversioned.dialect}
   * @param placeholders the values of {@code -Aversioned.placeholders}
   * @param cacheOption the value of {@code -Aversioned.schemaCache}, or null
   * @param filer javac's filer, to find the project directory
   * @param reporter where problems go
   * @return the checker, or null when the schema could not be loaded
   */
  public static SchemaChecker load(
      String option,
      SQLDialect dialect,
      Map<String, String> placeholders,
      String cacheOption,
      Filer filer,
      Reporter reporter) {
    List<Path> bases = SchemaPath.bases(filer);
    List<Path> roots = new ArrayList<>();
    for (String location : option.split(",")) {
      if (location.isBlank()) {
        continue;
      }
      String value = location.trim();
      List<Path> candidates = SchemaPath.candidates(value, bases);
      Path root = SchemaPath.firstExisting(candidates);
      if (root == null) {
        reporter.reportGlobal(
            Message.SCHEMA_NOT_FOUND,
            value,
            candidates.stream().map(Path::toString).collect(Collectors.joining(", ")));
        return null;
      }
      roots.add(root);
    }
    try {
      Schema schema =
          Schema.load(
              roots, option, dialect, placeholders, SchemaCache.of(cacheOption, option, filer));
      for (Map.Entry<Message, Object[]> warning : schema.warnings()) {
        reporter.reportGlobal(warning.getKey(), warning.getValue());
      }
      return new SchemaChecker(reporter, schema);
    } catch (SchemaException e) {
      reporter.reportGlobal(e.diagnostic(), e.args());
      return null;
    }
  }

  /**
   * Checks one record that the validator passed.
   *
   * @param model the record
   */
  public void check(RecordModel model) {
    String record = model.element().getSimpleName().toString();
    unverified = schema.unverified(model.table());
    checkedRecord = record;
    checkedTable = model.qualifiedTable();
    Schema.TableInfo table = schema.table(model.schema(), model.table());
    if (table == null) {
      missingTable(model, record);
      return;
    }
    Set<String> claimed = new HashSet<>();
    List<Schema.ColumnInfo> columns = new ArrayList<>();
    for (ComponentModel c : model.components()) {
      Schema.ColumnInfo column = schema.column(table, c.column());
      columns.add(column);
      if (column != null) {
        claimed.add(column.name());
      }
    }
    boolean keysFound = true;
    for (int i = 0; i < columns.size(); i++) {
      ComponentModel c = model.components().get(i);
      Schema.ColumnInfo column = columns.get(i);
      if (column == null) {
        missingColumn(record, c, table, claimed);
        keysFound &= !c.key();
      } else if (TimestampVersion.is(c)) {
        checkTimestampVersion(record, c, table, column);
      } else if (c.version()) {
        checkVersion(record, c, table, column);
      } else {
        checkColumn(record, c, table, column);
      }
    }
    if (keysFound) {
      checkKey(model, record, table, columns);
    }
  }

  /**
   * Warns about each {@code @Touch} column that no foreign key links to its parent's key column:
   * the database then accepts a row that names no parent, and its writes touch nothing.
   *
   * @param model the record, checked by {@link #check} just before
   * @param touches its touches, which the validator passed
   */
  public void checkTouches(RecordModel model, List<TouchTarget> touches) {
    if (touches.isEmpty() || schema.unverified(model.table()) != null) {
      return;
    }
    Schema.TableInfo table = schema.table(model.schema(), model.table());
    if (table == null) {
      return;
    }
    for (TouchTarget t : touches) {
      Schema.ColumnInfo column = schema.column(table, t.component().column());
      Schema.TableInfo parent = schema.table(t.parent().schema(), t.parent().table());
      ComponentModel key = t.parentKey();
      Schema.ColumnInfo parentKey = parent == null ? null : schema.column(parent, key.column());
      if (column == null || parentKey == null || linked(table, column, parent, parentKey)) {
        continue; // a missing table or column is reported by the record's own check
      }
      reporter.report(
          Message.SCHEMA_TOUCH_NO_FOREIGN_KEY,
          t.component().element(),
          t.annotation(),
          null,
          model.element().getSimpleName(),
          t.component().name(),
          t.parentName(),
          table.display(),
          column.name(),
          parent.display(),
          parentKey.name(),
          schema.history().table(table),
          column.name(),
          parent.display(),
          parentKey.name());
    }
  }

  /** Whether a single-column foreign key of {@code table} links {@code column} to the key. */
  private boolean linked(
      Schema.TableInfo table,
      Schema.ColumnInfo column,
      Schema.TableInfo parent,
      Schema.ColumnInfo parentKey) {
    for (Schema.ForeignKeyInfo fk : schema.foreignKeys(table)) {
      if (fk.columns().size() == 1
          && fk.columns().get(0).equals(column.name())
          && fk.table().equals(parent.name())
          && fk.schema().equals(parent.schema())
          && fk.referenced().equals(List.of(parentKey.name()))) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------ table, column

  private void missingTable(RecordModel model, String record) {
    String wanted = model.qualifiedTable();
    String[] dropped =
        schema
            .history()
            .dropped(
                name ->
                    name.equalsIgnoreCase(wanted)
                        || (model.schema().isEmpty()
                            && name.toLowerCase(Locale.ROOT)
                                .endsWith("." + wanted.toLowerCase(Locale.ROOT))));
    List<String> names = new ArrayList<>();
    for (Schema.TableInfo t : schema.tables()) {
      if (model.schema().isEmpty() || t.schema().equalsIgnoreCase(model.schema())) {
        names.add(model.schema().isEmpty() ? t.name() : t.display());
      }
    }
    List<String> notes = new ArrayList<>();
    if (dropped != null) {
      notes.add(dropped[1] + " dropped or renamed table " + dropped[0]);
    }
    String nearest = nearest(wanted, names);
    if (nearest != null) {
      notes.add("did you mean \"" + nearest + "\"?");
    }
    String detail = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    AnnotationValue value = RecordReader.annotationValue(model.annotation(), "table");
    report(
        Message.SCHEMA_MISSING_TABLE,
        model.element(),
        model.annotation(),
        value,
        record,
        wanted,
        detail);
  }

  private void missingColumn(
      String record, ComponentModel c, Schema.TableInfo table, Set<String> claimed) {
    List<String> unclaimed = new ArrayList<>();
    for (Schema.ColumnInfo column : table.columns()) {
      if (!claimed.contains(column.name())) {
        unclaimed.add(column.name());
      }
    }
    String nearest = nearest(c.column(), unclaimed);
    AnnotationValue value =
        c.columnAnnotation() == null
            ? null
            : RecordReader.annotationValue(c.columnAnnotation(), "value");
    report(
        Message.SCHEMA_MISSING_COLUMN,
        c.element(),
        value == null ? null : c.columnAnnotation(),
        value,
        record,
        c.name(),
        c.column(),
        table.display(),
        schema.history().table(table),
        nearest == null ? "" : "; did you mean \"" + nearest + "\"?");
  }

  // ------------------------------------------------------------------------------------ version

  private void checkTimestampVersion(
      String record, ComponentModel c, Schema.TableInfo table, Schema.ColumnInfo column) {
    TimestampVersionCheck.Finding finding =
        TimestampVersionCheck.check(
            record,
            c,
            table.display() + "." + column.name(),
            column.type(),
            schema.history().column(table, column),
            schema.dialect());
    if (finding != null) {
      report(finding.message(), c.element(), finding.args());
    }
  }

  private void checkVersion(
      String record, ComponentModel c, Schema.TableInfo table, Schema.ColumnInfo column) {
    ColumnType type = column.type();
    String where = table.display() + "." + column.name();
    String javaType = simpleName(c.typeText());
    if (type.kind() != ColumnType.Kind.UNKNOWN) {
      if (type.kind() != ColumnType.Kind.INTEGER) {
        report(
            Message.SCHEMA_VERSION_NOT_INTEGER,
            c.element(),
            record,
            c.name(),
            where,
            type.display(),
            schema.history().column(table, column));
        return;
      }
      int bits = bits(javaType);
      if (type.bits() > bits) {
        String wider =
            type.bits() <= 32 ? (c.primitive() ? "int" : "Integer") : c.primitive() ? "long" : "Long";
        String fix =
            type.bits() <= 64
                ? "make the component " + wider + ", or the column " + sqlType(bits)
                : "make the column " + sqlType(bits);
        report(
            Message.SCHEMA_VERSION_TOO_WIDE,
            c.element(),
            record,
            c.name(),
            article(javaType),
            where,
            type.display(),
            schema.history().column(table, column),
            article(javaType),
            fix);
      }
    }
    if (c.primitive() && column.nullable()) {
      report(
          Message.SCHEMA_VERSION_NULLABLE,
          c.element(),
          record,
          c.name(),
          javaType,
          where,
          type.display(),
          schema.history().column(table, column),
          c.boxedType().toString().replace("java.lang.", ""));
    }
  }

  private static int bits(String javaType) {
    switch (javaType) {
      case "short":
      case "Short":
        return 16;
      case "int":
      case "Integer":
        return 32;
      default:
        return 64;
    }
  }

  private static String sqlType(int bits) {
    return bits == 16 ? "SMALLINT" : bits == 32 ? "INTEGER" : "BIGINT";
  }

  // ------------------------------------------------------------------------- ordinary columns

  private void checkColumn(
      String record, ComponentModel c, Schema.TableInfo table, Schema.ColumnInfo column) {
    ColumnType type = column.type();
    String where = table.display() + "." + column.name();
    ColumnMapping mapping = c.mapping();
    boolean isEnum = mapping.kind() == ColumnMapping.Kind.ENUM;
    String sqlDataType = isEnum ? "ENUM" : mapping.sqlDataType();
    boolean compatible = TypeCompatibility.compatible(sqlDataType, type, schema.dialect());
    if (!compatible) {
      String typeText = simpleName(c.typeText());
      String subject = article(typeText);
      if (mapping.kind() == ColumnMapping.Kind.CONVERTED) {
        String databaseType = simpleName(c.converter().databaseType());
        typeText +=
            " (stored by " + simpleName(c.converter().converterName()) + " as " + databaseType + ")";
        subject = article(databaseType);
      } else if (isEnum) {
        subject = "an enum";
      }
      report(
          Message.SCHEMA_TYPE_MISMATCH,
          c.element(),
          record,
          c.name(),
          typeText,
          where,
          type.display(),
          schema.history().column(table, column),
          subject,
          TypeCompatibility.requirement(sqlDataType));
    } else if (isEnum) {
      checkEnum(record, c, table, column, where);
    }
    if (c.primitive() && column.nullable() && !c.key() && compatible) {
      report(
          Message.SCHEMA_NULLABLE_PRIMITIVE,
          c.element(),
          record,
          c.name(),
          c.typeText(),
          where,
          type.display(),
          schema.history().column(table, column),
          c.boxedType().toString().replace("java.lang.", ""));
    }
  }

  private void checkEnum(
      String record,
      ComponentModel c,
      Schema.TableInfo table,
      Schema.ColumnInfo column,
      String where) {
    List<String> constants = enumConstants(c.element().asType());
    if (constants.isEmpty()) {
      return;
    }
    ColumnType type = column.type();
    String problem = null;
    String fix = null;
    if (type.kind() == ColumnType.Kind.STRING && type.length() > 0) {
      String longest = constants.stream().max((a, b) -> a.length() - b.length()).orElseThrow();
      if (longest.length() > type.length()) {
        problem = longest + " (" + longest.length() + " characters)";
        fix = "widen the column to at least " + longest.length() + " characters";
      }
    } else if (type.kind() == ColumnType.Kind.ENUM) {
      List<String> missing =
          constants.stream().filter(k -> !type.labels().contains(k)).collect(Collectors.toList());
      if (!missing.isEmpty()) {
        problem = String.join(", ", missing);
        fix =
            "add "
                + (missing.size() == 1 ? "it" : "them")
                + " to the column's ENUM labels, or remove "
                + (missing.size() == 1 ? "it" : "them")
                + " from the enum";
      }
    }
    if (problem != null) {
      report(
          Message.SCHEMA_ENUM_VALUES,
          c.element(),
          record,
          c.name(),
          simpleName(c.typeText()),
          where,
          type.display(),
          schema.history().column(table, column),
          problem,
          fix);
    }
  }

  private static List<String> enumConstants(TypeMirror type) {
    List<String> constants = new ArrayList<>();
    if (type.getKind() == TypeKind.DECLARED) {
      for (Element e : ((DeclaredType) type).asElement().getEnclosedElements()) {
        if (e.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(e.getSimpleName().toString());
        }
      }
    }
    return constants;
  }

  // ---------------------------------------------------------------------------------------- key

  private void checkKey(
      RecordModel model, String record, Schema.TableInfo table, List<Schema.ColumnInfo> columns) {
    List<ComponentModel> components = model.components();
    Set<String> keyColumns = new HashSet<>();
    List<String> keyNames = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      if (components.get(i).key()) {
        keyColumns.add(columns.get(i).name());
        keyNames.add(columns.get(i).name());
      }
    }
    if (keyColumns.isEmpty()) {
      return;
    }
    List<String> pk = table.primaryKey();
    if (pk != null && keyColumns.equals(new HashSet<>(pk))) {
      return;
    }
    for (List<String> unique : table.uniqueKeys()) {
      if (keyColumns.equals(new HashSet<>(unique))) {
        return; // a unique key identifies one row just as well (a natural key beside a surrogate)
      }
    }
    if (pk == null) {
      report(
          Message.SCHEMA_NO_PRIMARY_KEY,
          model.element(),
          model.annotation(),
          null,
          record,
          (keyNames.size() == 1 ? "column " : "columns ") + String.join(", ", keyNames),
          table.display(),
          schema.history().table(table),
          String.join(", ", keyNames));
      return;
    }
    String pkText = String.join(", ", pk);
    String pkFile = schema.history().primaryKey(table);
    for (int i = 0; i < components.size(); i++) {
      ComponentModel c = components.get(i);
      if (c.key() && !pk.contains(columns.get(i).name())) {
        report(
            Message.SCHEMA_KEY_NOT_PRIMARY,
            c.element(),
            c.id(),
            null,
            record,
            c.name(),
            columns.get(i).name(),
            pkText,
            table.display(),
            pkFile);
      }
    }
    for (String pkColumn : pk) {
      if (keyColumns.contains(pkColumn)) {
        continue;
      }
      ComponentModel mapped = null;
      for (int i = 0; i < components.size(); i++) {
        if (columns.get(i) != null && columns.get(i).name().equals(pkColumn)) {
          mapped = components.get(i);
        }
      }
      if (mapped != null) {
        report(
            Message.SCHEMA_PRIMARY_NOT_KEY,
            mapped.element(),
            pkText,
            table.display(),
            pkFile,
            pkColumn,
            record,
            "annotate component " + mapped.name() + " with @Id (and every other key component)");
      } else {
        report(
            Message.SCHEMA_PRIMARY_NOT_KEY,
            model.element(),
            model.annotation(),
            null,
            pkText,
            table.display(),
            pkFile,
            pkColumn,
            record,
            "add a key component for it, or change the primary key");
      }
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  private void report(Message message, Element element, Object... args) {
    report(message, element, null, null, args);
  }

  /**
   * Reports a finding; on a table that a statement of the migrations may have changed unseen, an
   * error is a warning that says so, never a false error.
   */
  private void report(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    if (unverified != null && message.kind() == Diagnostic.Kind.ERROR) {
      reporter.report(
          Message.SCHEMA_UNVERIFIED,
          element,
          annotation,
          value,
          checkedRecord,
          checkedTable,
          unverified,
          message.format(args));
    } else {
      reporter.report(message, element, annotation, value, args);
    }
  }

  /**
   * The name a misspelt or renamed one most likely stands for: the nearest by edit distance
   * (ignoring case, a transposition counting as one edit) within a third of the length, or one
   * that contains the other ({@code version} for {@code lock_version}).
   */
  static String nearest(String wanted, List<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = wanted.toLowerCase(Locale.ROOT);
    for (String name : names) {
      String n = name.toLowerCase(Locale.ROOT);
      int d = distance(w, n);
      int limit = Math.max(1, Math.max(w.length(), n.length()) / 3);
      boolean contains =
          Math.min(w.length(), n.length()) >= 3 && (w.contains(n) || n.contains(w));
      if ((d <= limit || contains) && d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance with adjacent transpositions (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** {@code java.lang.String} to {@code String}, {@code p.Outer.Inner} to {@code Outer.Inner}. */
  static String simpleName(String typeText) {
    return typeText.replaceAll("\\b[a-z_$][\\w$]*\\.", "");
  }

  /** {@code an int}, {@code a String}, {@code a UUID}. */
  static String article(String word) {
    boolean vowel = !word.isEmpty() && "aeiouAEIO".indexOf(word.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + word;
  }
}
