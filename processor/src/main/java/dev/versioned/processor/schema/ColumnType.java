package dev.versioned.processor.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Domain;
import org.jooq.EnumType;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.XML;
import org.jooq.types.UByte;
import org.jooq.types.UInteger;
import org.jooq.types.ULong;
import org.jooq.types.UShort;

/**
 * What a column's SQL type can hold, as far as the checks care: a kind, the width of an integer
 * type, the length of a character or binary type, the labels of an enum type.
 *
 * @param kind the kind
 * @param bits for {@link Kind#INTEGER}: 8, 16, 32, 64, or {@link #UNBOUNDED}
 * @param length for character and binary types: the declared length, 0 when not declared
 * @param labels for {@link Kind#ENUM}: its labels
 * @param display the type as messages show it, for example {@code VARCHAR(200)}
 * @param fraction for {@link Kind#TIMESTAMP}: the declared fractional digits of seconds, {@link
 *     #UNDECLARED} when the type declares none (the database's default applies)
 */
record ColumnType(
    Kind kind, int bits, int length, List<String> labels, String display, int fraction)
    implements java.io.Serializable {
  private static final long serialVersionUID = 2L;

  /** The width of an integer type that holds more than a {@code long}. */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /** The {@link #fraction} of a type that declares no fractional digits. */
  static final int UNDECLARED = -1;

  /** The kinds of column the compatibility table distinguishes. */
  enum Kind {
    BOOLEAN,
    /** TINYINT to BIGINT, unsigned ones, and DECIMAL/NUMERIC with a precision and no fraction. */
    INTEGER,
    /** DECIMAL/NUMERIC with a fraction, or with no declared precision. */
    DECIMAL,
    FLOAT,
    STRING,
    BINARY,
    UUID,
    DATE,
    TIME,
    TIMESTAMP,
    ENUM,
    /** JSON, JSONB, XML: text documents. */
    DOCUMENT,
    /** Intervals, arrays, spatial types, years...: nothing this processor maps. */
    OTHER,
    /** A type jOOQ does not know (a user-defined type, an enum type made with CREATE TYPE). */
    UNKNOWN
  }

  /** PostgreSQL spellings that jOOQ 3.19 parses as unknown types. */
  private static final Map<String, Kind> ALIASES =
      Map.of("float4", Kind.FLOAT, "float8", Kind.FLOAT, "bpchar", Kind.STRING);

  /**
   * Classifies a column's type.
   *
   * @param type the type jOOQ's interpreter gave the column
   * @param domains the schema's domains, to see through a column declared with one
   * @return its classification
   */
  static ColumnType of(DataType<?> type, List<Domain<?>> domains) {
    return of(type, domains, 0);
  }

  private static ColumnType of(DataType<?> type, List<Domain<?>> domains, int depth) {
    String display = display(type);
    Class<?> java = type.getType();
    if (type.isEnum() && java.getEnumConstants() != null) {
      List<String> labels = new ArrayList<>();
      for (Object constant : java.getEnumConstants()) {
        labels.add(((EnumType) constant).getLiteral());
      }
      return new ColumnType(Kind.ENUM, 0, 0, List.copyOf(labels), display(labels), UNDECLARED);
    }
    if (java == Boolean.class) {
      return simple(Kind.BOOLEAN, display);
    }
    if (java == Byte.class) {
      return integer(8, display);
    }
    if (java == Short.class || java == UByte.class) {
      return integer(16, display);
    }
    if (java == Integer.class || java == UShort.class) {
      return integer(32, display);
    }
    if (java == Long.class || java == UInteger.class) {
      return integer(64, display);
    }
    if (java == ULong.class || java == BigInteger.class) {
      return integer(UNBOUNDED, display);
    }
    if (java == BigDecimal.class) {
      int p = type.precision();
      if (type.scale() == 0 && p > 0) {
        return integer(p <= 2 ? 8 : p <= 4 ? 16 : p <= 9 ? 32 : p <= 18 ? 64 : UNBOUNDED, display);
      }
      return simple(Kind.DECIMAL, display);
    }
    if (java == Float.class || java == Double.class) {
      return simple(Kind.FLOAT, display);
    }
    if (java == String.class) {
      return new ColumnType(Kind.STRING, 0, type.length(), List.of(), display, UNDECLARED);
    }
    if (java == byte[].class) {
      return new ColumnType(Kind.BINARY, 0, type.length(), List.of(), display, UNDECLARED);
    }
    if (java == UUID.class) {
      return simple(Kind.UUID, display);
    }
    if (type.isDate() && !type.isTimestamp()) {
      return simple(Kind.DATE, display);
    }
    if (type.isTime() || type.isTimeWithTimeZone()) {
      return simple(Kind.TIME, display);
    }
    if (type.isTimestamp() || type.isTimestampWithTimeZone()) {
      return new ColumnType(Kind.TIMESTAMP, 0, 0, List.of(), display,
          type.precisionDefined() ? type.precision() : UNDECLARED);
    }
    if (java == JSON.class || java == JSONB.class || java == XML.class) {
      return simple(Kind.DOCUMENT, display);
    }
    if (type.getSQLDataType() == null || java == Object.class) {
      Domain<?> domain = depth < 8 ? domain(type, domains) : null;
      if (domain != null) {
        ColumnType base = of(domain.getDataType(), domains, depth + 1);
        return new ColumnType(
            base.kind, base.bits, base.length, base.labels, display + " (" + base.display + ")",
            base.fraction);
      }
      Kind alias = ALIASES.get(type.getTypeName().toLowerCase(Locale.ROOT));
      return simple(alias != null ? alias : Kind.UNKNOWN, display);
    }
    return simple(Kind.OTHER, display);
  }

  /**
   * A MySQL or MariaDB {@code ENUM} column's type, read from the DDL's text.
   *
   * @param labels its labels
   * @return the type
   */
  static ColumnType enumOf(List<String> labels) {
    return new ColumnType(Kind.ENUM, 0, 0, List.copyOf(labels), display(labels), UNDECLARED);
  }

  private static Domain<?> domain(DataType<?> type, List<Domain<?>> domains) {
    if (type.getDomain() != null) {
      return type.getDomain();
    }
    String name = type.getTypeName();
    for (Domain<?> domain : domains) {
      if (domain.getName().equalsIgnoreCase(name)) {
        return domain;
      }
    }
    return null;
  }

  private static ColumnType simple(Kind kind, String display) {
    return new ColumnType(kind, 0, 0, List.of(), display, UNDECLARED);
  }

  private static ColumnType integer(int bits, String display) {
    return new ColumnType(Kind.INTEGER, bits, 0, List.of(), display, UNDECLARED);
  }

  private static String display(DataType<?> type) {
    String name = type.getCastTypeName();
    if (name == null || name.isBlank()) {
      name = type.getTypeName();
    }
    return name.toUpperCase(Locale.ROOT);
  }

  private static String display(List<String> labels) {
    StringBuilder sb = new StringBuilder("ENUM(");
    for (int i = 0; i < labels.size(); i++) {
      sb.append(i == 0 ? "'" : ", '").append(labels.get(i).replace("'", "''")).append('\'');
    }
    return sb.append(')').toString();
  }
}
