package dev.versioned.processor.reader;

import dev.versioned.processor.vo.ComponentModel;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/**
 * What a version component says about timestamp versions: whether it is one ({@code Instant},
 * {@code LocalDateTime}, {@code OffsetDateTime}), and its {@code @Version(precision = ...)}.
 */
public final class TimestampVersion {
  private TimestampVersion() {}

  /** The timestamp types a version may have, by qualified name. */
  public static final Set<String> TYPES =
      Set.of("java.time.Instant", "java.time.LocalDateTime", "java.time.OffsetDateTime");

  /** The precisions a timestamp version may have, in increasing order of fineness. */
  public static final List<String> PRECISIONS = List.of("SECONDS", "MILLIS", "MICROS", "NANOS");

  /** The precision without {@code @Version(precision = ...)}. */
  public static final String DEFAULT_PRECISION = "MICROS";

  /**
   * Whether a component is a timestamp version.
   *
   * @param c a component
   * @return true for a version of type {@code Instant}, {@code LocalDateTime} or {@code
   *     OffsetDateTime}
   */
  public static boolean is(ComponentModel c) {
    return c.version() && TYPES.contains(c.typeText());
  }

  /**
   * The {@code precision} value written on the component's {@code @Version}.
   *
   * @param c a component
   * @return the value, or null when not written (or there is no {@code @Version})
   */
  public static AnnotationValue precisionValue(ComponentModel c) {
    return c.versionAnnotation() == null
        ? null
        : RecordReader.annotationValue(c.versionAnnotation(), "precision");
  }

  /**
   * The name of the component's precision: the {@code ChronoUnit} constant written, or {@link
   * #DEFAULT_PRECISION}.
   *
   * @param c a component
   * @return the constant's name, for example {@code MICROS}
   */
  public static String precision(ComponentModel c) {
    AnnotationValue value = precisionValue(c);
    if (value != null && value.getValue() instanceof VariableElement constant) {
      return constant.getSimpleName().toString();
    }
    return DEFAULT_PRECISION;
  }

  /**
   * The fractional digits of seconds a precision needs.
   *
   * @param precision one of {@link #PRECISIONS}
   * @return 0, 3, 6 or 9
   */
  public static int digits(String precision) {
    return 3 * PRECISIONS.indexOf(precision);
  }
}
