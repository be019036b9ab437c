package dev.versioned.processor.writer;

import static dev.versioned.processor.writer.TypeNames.CONVERTER;
import static dev.versioned.processor.writer.TypeNames.SQL_DATA_TYPE;

import com.palantir.javapoet.CodeBlock;
import dev.versioned.processor.vo.ColumnMapping;
import dev.versioned.processor.vo.ComponentModel;

/**
 * The jOOQ data type of a component's column, as generated code declares it: an enum through a name
 * converter, a {@code @Convert} component through its converter, any other type as jOOQ's own.
 */
final class DataTypes {
  private DataTypes() {}

  /**
   * The data type of a component's column, nullable as jOOQ declares it.
   *
   * @param c the component
   * @return an expression of type {@code DataType<T>}, {@code T} the component's type
   */
  static CodeBlock of(ComponentModel c) {
    ColumnMapping m = c.mapping();
    switch (m.kind()) {
      case ENUM:
        return CodeBlock.of(
            "$T.VARCHAR.asConvertedDataType($T.ofNullable($T.class,$W$T.class,$W$T::valueOf,"
                + "$W$T::name))",
            SQL_DATA_TYPE,
            CONVERTER,
            String.class,
            m.userType(),
            m.userType(),
            m.userType());
      case CONVERTED:
        return CodeBlock.of(
            "$T.$L.asConvertedDataType(new $T())", SQL_DATA_TYPE, m.sqlDataType(), m.converter());
      default:
        return CodeBlock.of("$T.$L", SQL_DATA_TYPE, m.sqlDataType());
    }
  }
}
