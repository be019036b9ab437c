package dev.versioned.processor.vo;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * What the reader found about a {@code @Convert} converter; the validator judges it.
 *
 * @param annotation the {@code @Convert} annotation
 * @param value its value (the converter class)
 * @param converterName the converter's name, for messages
 * @param isConverter whether it implements {@code org.jooq.Converter}
 * @param instantiable whether it is a public concrete class with a public no-argument constructor
 * @param databaseType the converter's database type, for messages
 * @param userTypeName the converter's user type, for messages
 * @param userTypeMatches whether the user type is the component's (boxed) type
 * @param databaseSqlType the SQLDataType constant of the database type, or null when not mapped
 */
public record ConverterInfo(
    AnnotationMirror annotation,
    AnnotationValue value,
    String converterName,
    boolean isConverter,
    boolean instantiable,
    String databaseType,
    String userTypeName,
    boolean userTypeMatches,
    String databaseSqlType) {}
