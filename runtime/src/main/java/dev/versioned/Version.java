package dev.versioned;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the lock column: a {@code short}, {@code int}, {@code long}, {@code Short}, {@code Integer}
 * or {@code Long} component that every write compares and increments. Without {@code @Version}, a
 * component named {@code lockVersion} is the lock column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Version {}
