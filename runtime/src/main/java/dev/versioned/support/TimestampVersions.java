package dev.versioned.support;

import dev.versioned.StaleRecordException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Context;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.RenderContext;
import org.jooq.SQLDialect;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.CustomField;
import org.jooq.impl.DSL;

/**
 * The values of timestamp versions ({@code Instant}, {@code LocalDateTime}, {@code
 * OffsetDateTime} components marked {@code @Version}), computed in Java and bound as values.
 *
 * <p>A write that knows the version it expects stores {@link #next}: the current time truncated to
 * the version's precision, or the expected version plus one unit of it when that is not later. The
 * versions of a row therefore strictly increase, even when many writes fall within one tick of the
 * clock, and the returned record carries exactly the value bound. A write that does not know the
 * version ({@code overwrite}, counters, the touch of a parent) stores the later of the current time
 * and the stored version plus one unit, by {@link #advance}: a locking read of the stored version
 * and a compare-and-set on it, in the caller's transaction, repeated if another writer got in
 * between (where the database has no row locks).
 *
 * <p>The current time is read from the system clock in UTC. A {@code LocalDateTime} version is the
 * UTC wall-clock time (never the JVM's default zone, which can go backwards at a daylight-saving
 * change); an {@code OffsetDateTime} version is written with offset {@code Z}.
 */
public final class TimestampVersions {
  /** More re-reads than this mean the row is written continuously: give up rather than spin. */
  private static final int MAX_ROUNDS = 10_000;

  private TimestampVersions() {}

  // ------------------------------------------------------------------------------ next versions

  /**
   * The version a write stores after {@code expected}: the current time truncated to {@code
   * precision}, or {@code expected} (truncated) plus one unit when that is not later.
   *
   * @param expected the version the write expects, or null (then the current time)
   * @param precision {@code SECONDS}, {@code MILLIS}, {@code MICROS} or {@code NANOS}
   * @return the new version, strictly after {@code expected}
   * @throws IllegalArgumentException if {@code precision} is another unit
   */
  public static Instant next(Instant expected, ChronoUnit precision) {
    Instant now = Instant.now().truncatedTo(supported(precision));
    if (expected == null) {
      return now;
    }
    Instant floor = expected.truncatedTo(precision).plus(1, precision);
    return now.isBefore(floor) ? floor : now;
  }

  /**
   * As {@link #next(Instant, ChronoUnit)}, for a UTC wall-clock time.
   *
   * @param expected the version the write expects, or null (then the current time)
   * @param precision {@code SECONDS}, {@code MILLIS}, {@code MICROS} or {@code NANOS}
   * @return the new version, strictly after {@code expected}
   * @throws IllegalArgumentException if {@code precision} is another unit
   */
  public static LocalDateTime next(LocalDateTime expected, ChronoUnit precision) {
    Instant after = expected == null ? null : expected.toInstant(ZoneOffset.UTC);
    return LocalDateTime.ofInstant(next(after, precision), ZoneOffset.UTC);
  }

  /**
   * As {@link #next(Instant, ChronoUnit)}, with offset {@code Z}; versions are compared as
   * instants, whatever their offsets.
   *
   * @param expected the version the write expects, or null (then the current time)
   * @param precision {@code SECONDS}, {@code MILLIS}, {@code MICROS} or {@code NANOS}
   * @return the new version, strictly after {@code expected}, with offset {@code Z}
   * @throws IllegalArgumentException if {@code precision} is another unit
   */
  public static OffsetDateTime next(OffsetDateTime expected, ChronoUnit precision) {
    Instant after = expected == null ? null : expected.toInstant();
    return OffsetDateTime.ofInstant(next(after, precision), ZoneOffset.UTC);
  }

  /**
   * The version an insert stores: the current time for a null version, else the given version
   * truncated to the precision (a column of that precision could not store more).
   *
   * @param given the record's version, or null
   * @param precision {@code SECONDS}, {@code MILLIS}, {@code MICROS} or {@code NANOS}
   * @return the version to store
   */
  public static Instant inserted(Instant given, ChronoUnit precision) {
    return given == null ? next(given, precision) : given.truncatedTo(supported(precision));
  }

  /**
   * As {@link #inserted(Instant, ChronoUnit)}, for a UTC wall-clock time.
   *
   * @param given the record's version, or null
   * @param precision {@code SECONDS}, {@code MILLIS}, {@code MICROS} or {@code NANOS}
   * @return the version to store
   */
  public static LocalDateTime inserted(LocalDateTime given, ChronoUnit precision) {
    return given == null ? next(given, precision) : given.truncatedTo(supported(precision));
  }

  /**
   * As {@link #inserted(Instant, ChronoUnit)}; the version is stored with offset {@code Z}.
   *
   * @param given the record's version, or null
   * @param precision {@code SECONDS}, {@code MILLIS}, {@code MICROS} or {@code NANOS}
   * @return the version to store
   */
  public static OffsetDateTime inserted(OffsetDateTime given, ChronoUnit precision) {
    return given == null
        ? next(given, precision)
        : given.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(supported(precision));
  }

  static ChronoUnit supported(ChronoUnit precision) {
    Objects.requireNonNull(precision, "precision");
    switch (precision) {
      case SECONDS:
      case MILLIS:
      case MICROS:
      case NANOS:
        return precision;
      default:
        throw new IllegalArgumentException(
            "precision " + precision.name() + " is not one of SECONDS, MILLIS, MICROS, NANOS");
    }
  }

  // ----------------------------------------------------------------------------- the predicate

  /**
   * The predicate {@code version = value} of a version-checked write. On Derby, jOOQ renders a
   * bind value compared with a column as {@code CAST(? AS <type>)}, and for {@code Instant} and
   * {@code OffsetDateTime} (bound as text there, there being no zoned timestamp type) it names a
   * type Derby does not know; the value is then rendered without a cast, and Derby types it from
   * the column. Elsewhere it is jOOQ's {@code version.eq(value)}.
   *
   * @param version the version column
   * @param value the expected version: a bind value
   * @param <T> the version type
   * @return the condition
   */
  public static <T> Condition matches(Field<T> version, Field<T> value) {
    return version.eq(new Uncast<>(value));
  }

  /**
   * {@link #matches(Field, Field)} of a value, or {@code version IS NULL} for null.
   *
   * @param version the version column
   * @param expected the expected version, or null
   * @param <T> the version type
   * @return the condition
   */
  public static <T> Condition matches(Field<T> version, T expected) {
    return expected == null ? version.isNull() : matches(version, DSL.val(expected, version));
  }

  /** A field rendered as itself, but never cast on Derby. */
  private static final class Uncast<T> extends CustomField<T> {
    private static final long serialVersionUID = 1L;
    private final Field<T> value;

    Uncast(Field<T> value) {
      super(value.getUnqualifiedName(), value.getDataType());
      this.value = value;
    }

    @Override
    public void accept(Context<?> ctx) {
      if (ctx.family() == SQLDialect.DERBY) {
        RenderContext.CastMode previous = ctx.castMode();
        ctx.castMode(RenderContext.CastMode.NEVER).visit(value).castMode(previous);
      } else {
        ctx.visit(value);
      }
    }
  }

  // -------------------------------------------------------------- writes with no expected version

  /**
   * Writes a row with no expected version, storing {@code next} of its stored version: reads the
   * stored version with a locking read ({@link Locking#forUpdate}), runs {@code write} of the new
   * version under the predicate {@code key AND version = stored} ({@code IS NULL} for null), and
   * reads again when that matched no row because another writer changed the version in between.
   * Run it inside a transaction, so that the lock holds until the write.
   *
   * @param ctx the transaction's context
   * @param table the table
   * @param key the key predicate
   * @param version the version column
   * @param condition a further condition of the write ({@code DSL.noCondition()} for none)
   * @param next the new version from the stored one
   * @param write the {@code UPDATE} that sets the new version (and any other column), up to its
   *     {@code WHERE} clause
   * @param <T> the version type
   * @return the version stored, or null when nothing was written: no row has the key, or {@code
   *     condition} refused the row although its version had not changed
   */
  public static <T> T advance(
      DSLContext ctx,
      Table<?> table,
      Condition key,
      Field<T> version,
      Condition condition,
      UnaryOperator<T> next,
      Function<T, UpdateSetMoreStep<?>> write) {
    Optional<Optional<T>> stored = lockingRead(ctx, table, key, version);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (stored.isEmpty()) {
        return null;
      }
      T current = stored.get().orElse(null);
      T value = next.apply(current);
      int rows =
          write
              .apply(value)
              .where(key)
              .and(matches(version, current))
              .and(condition)
              .execute();
      if (Rows.one(rows, table)) {
        return value;
      }
      Optional<Optional<T>> again = lockingRead(ctx, table, key, version);
      if (again.equals(stored)) {
        return null; // the version matched: something else of the write refused the row
      }
      stored = again;
    }
    throw new DataAccessException(
        "the version of a row of " + Rows.name(table) + " changed " + MAX_ROUNDS
            + " times while it was being written");
  }

  /** Empty when no row has the key; else the version, empty when it is NULL. */
  private static <T> Optional<Optional<T>> lockingRead(
      DSLContext ctx, Table<?> table, Condition key, Field<T> version) {
    SelectConditionStep<Record1<T>> select = ctx.select(version).from(table).where(key);
    return Locking.forUpdate(ctx, select).fetchOptional().map(r -> Optional.ofNullable(r.value1()));
  }

  // ------------------------------------------------------------------------------- stale writes

  /**
   * A timestamp version as a number, as {@link StaleRecordException#expectedVersion()} gives it:
   * the count of {@code precision}'s units since {@code 1970-01-01T00:00Z} (a {@code
   * LocalDateTime} is read as UTC), rounded down.
   *
   * @param version an {@code Instant}, {@code LocalDateTime} or {@code OffsetDateTime}, or null
   * @param precision the version's precision
   * @return the count; empty for null, or when it does not fit in a long ({@code NANOS} after the
   *     year 2262)
   * @throws IllegalArgumentException for another type of version
   */
  public static OptionalLong epochUnits(Temporal version, ChronoUnit precision) {
    if (version == null) {
      return OptionalLong.empty();
    }
    Instant instant;
    if (version instanceof Instant i) {
      instant = i;
    } else if (version instanceof LocalDateTime l) {
      instant = l.toInstant(ZoneOffset.UTC);
    } else if (version instanceof OffsetDateTime o) {
      instant = o.toInstant();
    } else {
      throw new IllegalArgumentException(
          "version " + version + " is a " + version.getClass().getName()
              + ", not an Instant, LocalDateTime or OffsetDateTime");
    }
    try {
      long seconds = instant.getEpochSecond();
      int nanos = instant.getNano();
      switch (supported(precision)) {
        case SECONDS:
          return OptionalLong.of(seconds);
        case MILLIS:
          return OptionalLong.of(Math.addExact(Math.multiplyExact(seconds, 1_000L),
              nanos / 1_000_000));
        case MICROS:
          return OptionalLong.of(Math.addExact(Math.multiplyExact(seconds, 1_000_000L),
              nanos / 1_000));
        default:
          return OptionalLong.of(Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L),
              nanos));
      }
    } catch (ArithmeticException tooLarge) {
      return OptionalLong.empty();
    }
  }
}
