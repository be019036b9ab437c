package dev.versioned.processor.options;

import dev.versioned.processor.Message;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.writer.Injection;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;

/**
 * The processor's {@code -A} options, read once. An invalid value is an error that lists the valid
 * ones; the processor then goes on with the default, so the user sees that one error and not a
 * cascade of missing repositories.
 *
 * @param schema {@code versioned.schema}: the migration file or folder as given, or null
 * @param dialect {@code versioned.dialect}: the jOOQ dialect migrations are parsed in
 * @param injection {@code versioned.inject}: the annotations generated repositories carry
 */
public record ProcessorOptions(String schema, SQLDialect dialect, Injection injection) {
  /** A {@code .sql} file or a folder of them to check records against. */
  public static final String SCHEMA = "versioned.schema";

  /** The jOOQ {@code SQLDialect} the migrations are written in. */
  public static final String DIALECT = "versioned.dialect";

  /** {@code none}, {@code spring} or {@code jakarta}. */
  public static final String INJECT = "versioned.inject";

  /** Every option the processor reads. */
  public static final Set<String> NAMES = Set.of(SCHEMA, DIALECT, INJECT);

  /**
   * Reads the options javac was given.
   *
   * @param options javac's {@code -A} options
   * @param reporter where invalid values are reported
   * @return the options, with defaults in place of invalid values
   */
  public static ProcessorOptions read(Map<String, String> options, Reporter reporter) {
    String schema = options.get(SCHEMA);
    if (schema != null && schema.isBlank()) {
      schema = null;
    }
    SQLDialect dialect = SQLDialect.DEFAULT;
    String dialectValue = options.get(DIALECT);
    if (dialectValue != null) {
      dialect = dialect(dialectValue.trim());
      if (dialect == null) {
        reporter.reportGlobal(
            Message.OPTION_VALUE,
            DIALECT,
            dialectValue,
            dialects().stream().map(SQLDialect::name).collect(Collectors.joining(", ")));
        dialect = SQLDialect.DEFAULT;
      }
    }
    Injection injection = Injection.NONE;
    String injectValue = options.get(INJECT);
    if (injectValue != null) {
      injection = injection(injectValue.trim());
      if (injection == null) {
        reporter.reportGlobal(
            Message.OPTION_VALUE,
            INJECT,
            injectValue,
            Arrays.stream(Injection.values())
                .map(i -> i.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
        injection = Injection.NONE;
      }
    }
    return new ProcessorOptions(schema, dialect, injection);
  }

  private static SQLDialect dialect(String value) {
    for (SQLDialect d : dialects()) {
      if (d.name().equalsIgnoreCase(value)) {
        return d;
      }
    }
    return null;
  }

  /** The dialects of the jOOQ edition on the processor path, families only (POSTGRES, H2, ...). */
  private static java.util.List<SQLDialect> dialects() {
    return Arrays.stream(SQLDialect.values())
        .filter(d -> !d.commercial() && d.family() == d)
        .collect(Collectors.toList());
  }

  private static Injection injection(String value) {
    for (Injection i : Injection.values()) {
      if (i.name().equalsIgnoreCase(value)) {
        return i;
      }
    }
    return null;
  }
}
