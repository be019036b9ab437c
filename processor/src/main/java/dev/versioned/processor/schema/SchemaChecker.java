package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.reader.TimestampVersion;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import dev.versioned.processor.vo.TouchTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import org.jooq.SQLDialect;

/**
 * Checks validated records against the schema of {@code -Aversioned.schema}: the table exists,
 * each component's column exists with a compatible type, the version column is an integer type
 * that fits the component (NOT NULL for a primitive), and the key is the primary key. Every
 * mismatch names the table, the column, its SQL type and the migration that last changed it.
 *
 * <p>This class loads the schema and walks a record's components; the checks themselves are
 * {@link MissingNames}, {@link VersionCheck}, {@link ColumnCheck} and {@link KeyCheck}, which
 * report through {@link Findings}.
 */
public final class SchemaChecker {
  private final Reporter reporter;
  private final Schema schema;

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
    Findings findings = new Findings(reporter, schema, model);
    Schema.TableInfo table = schema.table(model.schema(), model.table());
    if (table == null) {
      MissingNames.table(findings, model);
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
        MissingNames.column(findings, c, table, claimed);
        keysFound &= !c.key();
      } else if (TimestampVersion.is(c)) {
        VersionCheck.timestamp(findings, c, table, column);
      } else if (c.version()) {
        VersionCheck.integer(findings, c, table, column);
      } else {
        ColumnCheck.check(findings, c, table, column);
      }
    }
    if (keysFound) {
      KeyCheck.check(findings, model, table, columns);
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
}
