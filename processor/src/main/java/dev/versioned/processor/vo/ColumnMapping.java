package dev.versioned.processor.vo;

import com.palantir.javapoet.TypeName;

/**
 * How one component's values travel to and from its column.
 *
 * @param kind direct, enum by name, or through a user's converter
 * @param sqlDataType the name of the {@code org.jooq.impl.SQLDataType} constant of the column
 * @param userType the boxed Java type of the generated {@code Field<T>}
 * @param converter the converter class for {@link Kind#CONVERTED}, else null
 */
public record ColumnMapping(Kind kind, String sqlDataType, TypeName userType, TypeName converter) {
  /** The ways a component maps to a column. */
  public enum Kind {
    /** A type jOOQ binds itself. */
    DIRECT,
    /** An enum, stored as its {@code name()}. */
    ENUM,
    /** A type mapped by a {@code @Convert} converter. */
    CONVERTED
  }
}
