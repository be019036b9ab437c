package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.schema.Schema.ColumnInfo;
import dev.versioned.processor.schema.Schema.TableInfo;
import dev.versioned.processor.vo.ComponentModel;
import dev.versioned.processor.vo.RecordModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that a record's key components are a key of its table. */
final class KeyCheck {
  private KeyCheck() {}

  /**
   * Checks that the key components are the primary key, or a unique key, of the table. {@code
   * columns} holds the column of each component, in order; those of the key are all found.
   */
  static void check(
      Findings findings, RecordModel model, TableInfo table, List<ColumnInfo> columns) {
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
      findings.report(
          Message.SCHEMA_NO_PRIMARY_KEY,
          new Findings.Position(model.element(), model.annotation(), null),
          findings.record(),
          (keyNames.size() == 1 ? "column " : "columns ") + String.join(", ", keyNames),
          table.display(),
          findings.history().table(table),
          String.join(", ", keyNames));
      return;
    }
    String pkText = String.join(", ", pk);
    String pkFile = findings.history().primaryKey(table);
    for (int i = 0; i < components.size(); i++) {
      ComponentModel c = components.get(i);
      if (c.key() && !pk.contains(columns.get(i).name())) {
        findings.report(
            Message.SCHEMA_KEY_NOT_PRIMARY,
            new Findings.Position(c.element(), c.id(), null),
            findings.record(),
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
        findings.report(
            Message.SCHEMA_PRIMARY_NOT_KEY,
            mapped.element(),
            pkText,
            table.display(),
            pkFile,
            pkColumn,
            findings.record(),
            "annotate component " + mapped.name() + " with @Id (and every other key component)");
      } else {
        findings.report(
            Message.SCHEMA_PRIMARY_NOT_KEY,
            new Findings.Position(model.element(), model.annotation(), null),
            pkText,
            table.display(),
            pkFile,
            pkColumn,
            findings.record(),
            "add a key component for it, or change the primary key");
      }
    }
  }
}
