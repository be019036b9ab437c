package dev.versioned;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Marks the lock column that every write compares and advances. Without {@code @Version}, a
 * component named {@code lockVersion} is the lock column.
 *
 * <p>An integer version ({@code short}, {@code int}, {@code long}, {@code Short}, {@code Integer},
 * {@code Long}) is incremented by one. A timestamp version ({@code Instant}, {@code LocalDateTime},
 * {@code OffsetDateTime}) is set to the current time truncated to {@link #precision()}, or to the
 * expected version plus one unit of it when that is not later, so that the versions of a row are
 * strictly increasing even when two writes fall within one clock tick.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Version {
  /**
   * The unit a timestamp version is truncated to, and advanced by when the clock has not moved:
   * {@code SECONDS}, {@code MILLIS}, {@code MICROS} or {@code NANOS}. The version column must keep
   * at least that many fractional digits (with {@code -Aversioned.schema} the processor checks it).
   * Only for a timestamp version: on an integer version it is a compile error.
   *
   * @return the precision of a timestamp version
   */
  ChronoUnit precision() default ChronoUnit.MICROS;
}
