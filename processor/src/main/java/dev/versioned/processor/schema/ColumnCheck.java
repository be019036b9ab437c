package dev.versioned.processor.schema;

import dev.versioned.processor.Message;
import dev.versioned.processor.schema.Schema.ColumnInfo;
import dev.versioned.processor.schema.Schema.TableInfo;
import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ComponentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Checks the column of an ordinary (neither version nor missing) component against the schema. */
final class ColumnCheck {
  private ColumnCheck() {}

  /**
   * Checks the column of an ordinary component: a type its mapping can store, the values of an
   * enum, and NOT NULL for a primitive.
   */
  static void check(Findings findings, ComponentModel c, TableInfo table, ColumnInfo column) {
    ColumnType type = column.type();
    String where = table.display() + "." + column.name();
    ColumnMapping mapping = c.mapping();
    boolean isEnum = mapping.kind() == ColumnMapping.Kind.ENUM;
    String sqlDataType = isEnum ? "ENUM" : mapping.sqlDataType();
    boolean compatible =
        TypeCompatibility.compatible(sqlDataType, type, findings.schema().dialect());
    if (!compatible) {
      String typeText = Findings.simpleName(c.typeText());
      String subject = Findings.article(typeText);
      if (mapping.kind() == ColumnMapping.Kind.CONVERTED) {
        String databaseType = Findings.simpleName(c.converter().databaseType());
        String converterName = Findings.simpleName(c.converter().converterName());
        typeText += " (stored by " + converterName + " as " + databaseType + ")";
        subject = Findings.article(databaseType);
      } else if (isEnum) {
        subject = "an enum";
      }
      findings.report(
          Message.SCHEMA_TYPE_MISMATCH,
          c.element(),
          findings.record(),
          c.name(),
          typeText,
          where,
          type.display(),
          findings.history().column(table, column),
          subject,
          TypeCompatibility.requirement(sqlDataType));
    } else if (isEnum) {
      checkEnum(findings, c, table, column, where);
    }
    if (c.primitive() && column.nullable() && !c.key() && compatible) {
      findings.report(
          Message.SCHEMA_NULLABLE_PRIMITIVE,
          c.element(),
          findings.record(),
          c.name(),
          c.typeText(),
          where,
          type.display(),
          findings.history().column(table, column),
          c.boxedType().toString().replace("java.lang.", ""));
    }
  }

  private static void checkEnum(
      Findings findings, ComponentModel c, TableInfo table, ColumnInfo column, String where) {
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
      findings.report(
          Message.SCHEMA_ENUM_VALUES,
          c.element(),
          findings.record(),
          c.name(),
          Findings.simpleName(c.typeText()),
          where,
          type.display(),
          findings.history().column(table, column),
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
}
