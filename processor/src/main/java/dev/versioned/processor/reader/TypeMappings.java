package dev.versioned.processor.reader;

import com.palantir.javapoet.TypeName;
import dev.versioned.processor.vo.ColumnMapping;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The Java types Versioned maps without a converter, and the jOOQ data type of each. */
public final class TypeMappings {
  private TypeMappings() {}

  private static final Map<String, String> DECLARED = new LinkedHashMap<>();

  static {
    DECLARED.put("java.lang.String", "VARCHAR");
    DECLARED.put("java.lang.Boolean", "BOOLEAN");
    DECLARED.put("java.lang.Short", "SMALLINT");
    DECLARED.put("java.lang.Integer", "INTEGER");
    DECLARED.put("java.lang.Long", "BIGINT");
    DECLARED.put("java.lang.Float", "REAL");
    DECLARED.put("java.lang.Double", "DOUBLE");
    DECLARED.put("java.math.BigDecimal", "NUMERIC");
    DECLARED.put("java.math.BigInteger", "DECIMAL_INTEGER");
    DECLARED.put("java.util.UUID", "UUID");
    DECLARED.put("java.time.LocalDate", "LOCALDATE");
    DECLARED.put("java.time.LocalTime", "LOCALTIME");
    DECLARED.put("java.time.LocalDateTime", "LOCALDATETIME");
    DECLARED.put("java.time.OffsetDateTime", "OFFSETDATETIME");
    DECLARED.put("java.time.Instant", "INSTANT");
  }

  /** The mapped types, as a message lists them. */
  public static final String MAPPED_TYPES =
      "String, boolean, short, int, long, float, double (and their boxes), BigDecimal, BigInteger,"
          + " byte[], UUID, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, any enum";

  /**
   * The types a converter's database type may be, as a message lists them: the types jOOQ binds
   * itself (type arguments, so boxes; no enums, which Versioned maps by name only as components).
   */
  public static final String DATABASE_TYPES =
      "String, Boolean, Short, Integer, Long, Float, Double, BigDecimal, BigInteger, byte[], UUID,"
          + " LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant";

  /**
   * The {@code SQLDataType} constant of a primitive type.
   *
   * @param type a type
   * @return the constant, or null when the type is not a mapped primitive
   */
  public static String primitive(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return "BOOLEAN";
      case SHORT:
        return "SMALLINT";
      case INT:
        return "INTEGER";
      case LONG:
        return "BIGINT";
      case FLOAT:
        return "REAL";
      case DOUBLE:
        return "DOUBLE";
      default:
        return null;
    }
  }

  /**
   * The {@code SQLDataType} constant of a declared type, by qualified name.
   *
   * @param qualifiedName the type's qualified name
   * @return the constant, or null when the type is not mapped
   */
  public static String declared(String qualifiedName) {
    return DECLARED.get(qualifiedName);
  }

  /**
   * Whether the type is {@code byte[]}.
   *
   * @param type a type
   * @return true for an array of byte
   */
  public static boolean isByteArray(TypeMirror type) {
    return type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
  }

  /**
   * The column mapping of a type without a converter.
   *
   * @param type the type
   * @return its mapping, or null when it has none
   */
  static ColumnMapping mapping(TypeMirror type) {
    TypeName typeName = TypeName.get(type);
    String primitive = primitive(type);
    if (primitive != null) {
      return new ColumnMapping(ColumnMapping.Kind.DIRECT, primitive, typeName.box(), null);
    }
    if (isByteArray(type)) {
      return new ColumnMapping(ColumnMapping.Kind.DIRECT, "VARBINARY", typeName, null);
    }
    if (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
      String sql = declared(element.getQualifiedName().toString());
      if (sql != null) {
        return new ColumnMapping(ColumnMapping.Kind.DIRECT, sql, typeName, null);
      }
      if (element.getKind() == ElementKind.ENUM) {
        return new ColumnMapping(ColumnMapping.Kind.ENUM, "VARCHAR", typeName, null);
      }
    }
    return null;
  }
}
