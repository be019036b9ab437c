package dev.versioned.processor.validator;

import dev.versioned.processor.Message;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.reader.TimestampVersion;
import dev.versioned.processor.vo.ComponentModel;
import javax.lang.model.element.AnnotationValue;

/**
 * Checks {@code @Version(precision = ...)}: only on a timestamp version, and only one of the
 * units a timestamp version supports. Each error points at the {@code precision} value.
 */
final class TimestampVersionValidator {
  private TimestampVersionValidator() {}

  /**
   * Reports a misplaced or unsupported precision.
   *
   * @param reporter where errors go
   * @param record the record's simple name
   * @param c a component
   * @param versionTypeAllowed whether the component's type is an allowed version type (an error
   *     was reported otherwise: the precision is then not judged)
   */
  static void validate(
      Reporter reporter, String record, ComponentModel c, boolean versionTypeAllowed) {
    if (!c.version() || !versionTypeAllowed) {
      return;
    }
    AnnotationValue value = TimestampVersion.precisionValue(c);
    if (value == null) {
      return;
    }
    String precision = TimestampVersion.precision(c);
    if (!TimestampVersion.is(c)) {
      reporter.report(
          Message.PRECISION_ON_INTEGER_VERSION,
          c.element(),
          c.versionAnnotation(),
          value,
          "ChronoUnit." + precision,
          record,
          c.name(),
          c.typeText().replace("java.lang.", ""));
    } else if (!TimestampVersion.PRECISIONS.contains(precision)) {
      reporter.report(
          Message.VERSION_PRECISION,
          c.element(),
          c.versionAnnotation(),
          value,
          "ChronoUnit." + precision,
          record,
          c.name());
    }
  }
}
