package dev.versioned;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates an atomic {@code increment<Component>(key, delta)} method for a numeric component: one
 * {@code UPDATE t SET x = COALESCE(x, 0) + delta, v = v + 1 WHERE key} with no version predicate.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Counter {}
