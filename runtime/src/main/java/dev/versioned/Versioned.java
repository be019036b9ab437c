package dev.versioned;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record whose rows are written with optimistic locking. The processor generates
 * {@code <Record>Repository} next to the record (for a record nested in {@code Outer}:
 * {@code Outer_<Record>Repository}).
 *
 * <p>The key is the {@link Id} components (or a component named {@code id}); the lock column is the
 * {@link Version} component (or a component named {@code lockVersion}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Versioned {
  /**
   * The table name. Default: the record's simple name in snake_case ({@code BlogPost} becomes
   * {@code blog_post}).
   *
   * @return the table name, or {@code ""} for the default
   */
  String table() default "";

  /**
   * The schema that holds the table. Default: none, so the connection's current schema is used.
   *
   * @return the schema name, or {@code ""} for none
   */
  String schema() default "";
}
