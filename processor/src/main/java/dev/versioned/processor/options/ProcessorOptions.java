package dev.versioned.processor.options;

import dev.versioned.processor.Message;
import dev.versioned.processor.Reporter;
import dev.versioned.processor.writer.Injection;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;

/**
 * The processor's {@code -A} options, read once. An invalid value is an error that lists the valid
 * ones; the processor then goes on with the default, so the user sees that one error and not a
 * cascade of missing repositories.
 *
 * @param schema {@code versioned.schema}: the migration files or folders as given (several
 *     separated by commas), or null
 * @param dialect {@code versioned.dialect}: the jOOQ dialect migrations are parsed in
 * @param injection {@code versioned.inject}: the annotations generated repositories carry
 * @param placeholders {@code versioned.placeholders}: the values of the migrations' {@code
 *     ${name}} placeholders
 * @param schemaCache {@code versioned.schemaCache}: the folder the interpreted schema is kept in
 *     between builds, {@code none}, or null for the default (beside the class output)
 */
public record ProcessorOptions(
    String schema,
    SQLDialect dialect,
    Injection injection,
    Map<String, String> placeholders,
    String schemaCache) {
  /** A {@code .sql} file or a folder of them to check records against. */
  public static final String SCHEMA = "versioned.schema";

  /** The jOOQ {@code SQLDialect} the migrations are written in. */
  public static final String DIALECT = "versioned.dialect";

  /** {@code none}, {@code spring} or {@code jakarta}. */
  public static final String INJECT = "versioned.inject";

  /** {@code name=value,...}: the values of Flyway's {@code ${name}} placeholders. */
  public static final String PLACEHOLDERS = "versioned.placeholders";

  /** The folder the interpreted schema is cached in, or {@code none}. */
  public static final String SCHEMA_CACHE = "versioned.schemaCache";

  /** Every option the processor reads. */
  public static final Set<String> NAMES =
      Set.of(SCHEMA, DIALECT, INJECT, PLACEHOLDERS, SCHEMA_CACHE);

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
    SQLDialect dialect =
        oneOf(options, DIALECT, dialects(), SQLDialect::name, SQLDialect.DEFAULT, reporter);
    Injection injection =
        oneOf(
            options,
            INJECT,
            List.of(Injection.values()),
            i -> i.name().toLowerCase(Locale.ROOT),
            Injection.NONE,
            reporter);
    return new ProcessorOptions(
        schema,
        dialect,
        injection,
        placeholders(options.get(PLACEHOLDERS), reporter),
        options.get(SCHEMA_CACHE));
  }

  /** {@code a=1,b=2} as a map; a part without {@code =} is reported and left out. */
  private static Map<String, String> placeholders(String value, Reporter reporter) {
    Map<String, String> result = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return Map.of();
    }
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        reporter.reportGlobal(Message.OPTION_PLACEHOLDERS, value, part.trim());
        continue;
      }
      result.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * An option that names one of a set of constants, in any case: the constant, or the default when
   * the option is not given or names none (reported, with the names it may take).
   */
  private static <E extends Enum<E>> E oneOf(
      Map<String, String> options,
      String option,
      List<E> values,
      Function<E, String> shown,
      E absent,
      Reporter reporter) {
    String value = options.get(option);
    if (value == null) {
      return absent;
    }
    for (E e : values) {
      if (e.name().equalsIgnoreCase(value.trim())) {
        return e;
      }
    }
    reporter.reportGlobal(
        Message.OPTION_VALUE,
        option,
        value,
        values.stream().map(shown).collect(Collectors.joining(", ")));
    return absent;
  }

  /** The dialects of the jOOQ edition on the processor path, families only (POSTGRES, H2, ...). */
  private static List<SQLDialect> dialects() {
    return Arrays.stream(SQLDialect.values())
        .filter(d -> !d.commercial() && d.family() == d)
        .collect(Collectors.toList());
  }
}
