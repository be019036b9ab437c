package dev.versioned;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column of a record component. Default: the component name in snake_case
 * ({@code lockVersion} becomes {@code lock_version}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Column {
  /**
   * The column name, used as given (it is quoted, so case and spaces are kept).
   *
   * @return the column name
   */
  String value();
}
