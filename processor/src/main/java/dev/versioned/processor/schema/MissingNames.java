package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.schema.Schema.ColumnInfo;
import dev.versioned.processor.schema.Schema.TableInfo;
import dev.versioned.processor.reader.RecordReader;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;

/**
 * The findings about a table or column that the schema lacks: what dropped or renamed it, and the
 * name that was most likely meant.
 */
final class MissingNames {
  private MissingNames() {}

  /**
   * Reports a record whose table the migrations do not leave, with the migration that dropped
   * or renamed it, or the table it most likely means.
   */
  static void table(Findings findings, RecordModel model) {
    String wanted = model.qualifiedTable();
    String[] dropped =
        findings
            .history()
            .dropped(
                name ->
                    name.equalsIgnoreCase(wanted)
                        || (model.schema().isEmpty()
                            && name.toLowerCase(Locale.ROOT)
                                .endsWith("." + wanted.toLowerCase(Locale.ROOT))));
    List<String> names = new ArrayList<>();
    for (TableInfo t : findings.schema().tables()) {
      if (model.schema().isEmpty() || t.schema().equalsIgnoreCase(model.schema())) {
        names.add(model.schema().isEmpty() ? t.name() : t.display());
      }
    }
    List<String> notes = new ArrayList<>();
    if (dropped != null) {
      notes.add(dropped[1] + " dropped or renamed table " + dropped[0]);
    }
    String nearest = NearestName.nearest(wanted, names);
    if (nearest != null) {
      notes.add("did you mean \"" + nearest + "\"?");
    }
    String detail = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    AnnotationValue value = RecordReader.annotationValue(model.annotation(), "table");
    findings.report(
        Message.SCHEMA_MISSING_TABLE,
        new Findings.Position(model.element(), model.annotation(), value),
        findings.record(),
        wanted,
        detail);
  }

  /**
   * Reports a component whose column the table lacks, with the unclaimed column it most likely
   * means.
   */
  static void column(Findings findings, ComponentModel c, TableInfo table, Set<String> claimed) {
    List<String> unclaimed = new ArrayList<>();
    for (ColumnInfo column : table.columns()) {
      if (!claimed.contains(column.name())) {
        unclaimed.add(column.name());
      }
    }
    String nearest = NearestName.nearest(c.column(), unclaimed);
    AnnotationValue value =
        c.columnAnnotation() == null
            ? null
            : RecordReader.annotationValue(c.columnAnnotation(), "value");
    findings.report(
        Message.SCHEMA_MISSING_COLUMN,
        new Findings.Position(c.element(), value == null ? null : c.columnAnnotation(), value),
        findings.record(),
        c.name(),
        c.column(),
        table.display(),
        findings.history().table(table),
        nearest == null ? "" : "; did you mean \"" + nearest + "\"?");
  }
}
