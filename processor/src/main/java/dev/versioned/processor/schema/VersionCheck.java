package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.schema.Schema.ColumnInfo;
import dev.versioned.processor.schema.Schema.TableInfo;
import dev.versioned.processor.vo.ComponentModel;

/** Checks the column of a record's version component against the schema. */
final class VersionCheck {
  private VersionCheck() {}

  /** Checks the column of a timestamp version component ({@link TimestampVersionCheck}). */
  static void timestamp(Findings findings, ComponentModel c, TableInfo table, ColumnInfo column) {
    TimestampVersionCheck.Finding finding =
        TimestampVersionCheck.check(
            findings.record(),
            c,
            table.display() + "." + column.name(),
            column.type(),
            findings.history().column(table, column),
            findings.schema().dialect());
    if (finding != null) {
      findings.report(finding.message(), c.element(), finding.args());
    }
  }

  /**
   * Checks the column of an integer version component: an integer type no wider than the
   * component, and NOT NULL for a primitive.
   */
  static void integer(Findings findings, ComponentModel c, TableInfo table, ColumnInfo column) {
    ColumnType type = column.type();
    String where = table.display() + "." + column.name();
    String javaType = Findings.simpleName(c.typeText());
    if (type.kind() != ColumnType.Kind.UNKNOWN) {
      if (type.kind() != ColumnType.Kind.INTEGER) {
        findings.report(
            Message.SCHEMA_VERSION_NOT_INTEGER,
            c.element(),
            findings.record(),
            c.name(),
            where,
            type.display(),
            findings.history().column(table, column));
        return;
      }
      int bits = bits(javaType);
      if (type.bits() > bits) {
        String wider =
            type.bits() <= 32
                ? (c.primitive() ? "int" : "Integer")
                : c.primitive() ? "long" : "Long";
        String fix =
            type.bits() <= 64
                ? "make the component " + wider + ", or the column " + sqlType(bits)
                : "make the column " + sqlType(bits);
        findings.report(
            Message.SCHEMA_VERSION_TOO_WIDE,
            c.element(),
            findings.record(),
            c.name(),
            Findings.article(javaType),
            where,
            type.display(),
            findings.history().column(table, column),
            Findings.article(javaType),
            fix);
      }
    }
    if (c.primitive() && column.nullable()) {
      findings.report(
          Message.SCHEMA_VERSION_NULLABLE,
          c.element(),
          findings.record(),
          c.name(),
          javaType,
          where,
          type.display(),
          findings.history().column(table, column),
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
}
