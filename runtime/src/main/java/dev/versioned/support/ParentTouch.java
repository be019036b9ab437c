package dev.versioned.support;

import dev.versioned.VersionOverflowException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The touch of a parent row that a {@code @Touch} component names: {@code UPDATE parent SET v = v +
 * 1 WHERE key = ? AND v < max}, run by the child's repository in the transaction of the child's
 * write. No row matched means either that no parent has the key (nothing to touch) or that the
 * parent's version is at the largest value of its type ({@link VersionOverflowException}, which
 * rolls the child's write back with it).
 *
 * <p>What a touch stores is given by the factory of the version's kind ({@link #counting} for
 * integer versions): the new version as an expression of the stored one, and the guard that keeps
 * it within its type. {@link #timestamped} touches a parent with a timestamp version instead: the
 * later of now and the stored version plus one unit, computed in Java from the stored version read
 * with a lock, and bound ({@link TimestampVersions#advance}); it never overflows. {@link #touch}
 * is the one method every kind runs.
 *
 * @param <K> the parent's key type
 * @param <V> the parent's version type
 */
public final class ParentTouch<K, V> {
  private final Table<?> table;
  private final Field<K> key;
  private final Field<V> version;
  /** The new version as an expression of the stored one; null for a timestamp version. */
  private final Field<V> next;
  /** The condition that the version can take {@link #next}; null for a timestamp version. */
  private final Condition guard;
  /** For a timestamp version, the new version from the stored one; else null. */
  private final UnaryOperator<V> later;
  private final String child;

  private ParentTouch(
      Table<?> table, Field<K> key, Field<V> version, Field<V> next, Condition guard,
      String child) {
    this.table = Objects.requireNonNull(table, "table");
    this.key = Objects.requireNonNull(key, "key");
    this.version = Objects.requireNonNull(version, "version");
    this.next = Objects.requireNonNull(next, "next");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.later = null;
    this.child = Objects.requireNonNull(child, "child");
  }

  private ParentTouch(
      Table<?> table, Field<K> key, Field<V> version, UnaryOperator<V> later, String child) {
    this.table = Objects.requireNonNull(table, "table");
    this.key = Objects.requireNonNull(key, "key");
    this.version = Objects.requireNonNull(version, "version");
    this.next = null;
    this.guard = null;
    this.later = Objects.requireNonNull(later, "later");
    this.child = Objects.requireNonNull(child, "child");
  }

  /**
   * The touch of a parent with a timestamp version ({@code Instant}, {@code LocalDateTime} or
   * {@code OffsetDateTime}): stores {@code later} of the stored version, typically {@code v ->
   * TimestampVersions.next(v, ChronoUnit.MICROS)}, the later of now and the stored version plus
   * one unit of the version's precision. A timestamp version never overflows.
   *
   * @param table the parent's table
   * @param key the parent's key column
   * @param version the parent's version column
   * @param later the new version from the stored one (null for a NULL version)
   * @param child the touching column as messages name it, {@code table.column}
   * @param <K> the key type
   * @param <V> the version type
   * @return the touch
   */
  public static <K, V> ParentTouch<K, V> timestamped(
      Table<?> table, Field<K> key, Field<V> version, UnaryOperator<V> later, String child) {
    return new ParentTouch<>(table, key, version, later, child);
  }

  /**
   * The touch of a parent with an integer version.
   *
   * @param table the parent's table
   * @param key the parent's key column
   * @param version the parent's version column
   * @param max the largest value of the version's Java type
   * @param nullable whether the version component is a box (a NULL version is touched to 1)
   * @param child the touching column as messages name it, {@code table.column}
   * @param <K> the key type
   * @param <V> the version type
   * @return the touch
   */
  public static <K, V extends Number> ParentTouch<K, V> counting(
      Table<?> table, Field<K> key, Field<V> version, V max, boolean nullable, String child) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(max, "max");
    Condition belowMax = version.lt(DSL.inline(max, version));
    return nullable
        ? new ParentTouch<>(table, key, version,
            DSL.coalesce(version, DSL.inline(0, version)).plus(DSL.inline(1)),
            version.isNull().or(belowMax), child)
        : new ParentTouch<>(table, key, version, version.plus(DSL.inline(1)), belowMax, child);
  }

  /**
   * Increments the version of the parent with the given key: the one statement every touch of this
   * parent runs (for a timestamp version, the locking read of the stored version, then the
   * compare-and-set of the new one). A null key, or a key no row has, touches nothing.
   *
   * @param ctx the context of the child's write (its transaction)
   * @param value the parent's key, or null
   * @throws VersionOverflowException when the parent's version is the largest value of its type
   */
  public void touch(DSLContext ctx, K value) {
    if (value == null) {
      return;
    }
    Condition row = key.eq(value);
    if (later != null) {
      // null: no parent has the key, so nothing to touch.
      TimestampVersions.advance(
          ctx, table, row, version, DSL.noCondition(), later,
          v -> ctx.update(table).set(version, v));
      return;
    }
    int rows = ctx.update(table).set(version, next).where(row.and(guard)).execute();
    if (Rows.one(rows, table)) {
      return;
    }
    // No row matched: no parent has the key (nothing to touch), or its version is at the maximum.
    Optional<Record1<V>> current = ctx.select(version).from(table).where(row).fetchOptional();
    if (current.isPresent()) {
      throw new VersionOverflowException(
          "version overflow on "
              + Rows.name(table)
              + " "
              + key.getName()
              + "="
              + value
              + ", touched by "
              + child
              + ": "
              + version.getName()
              + " is "
              + current.get().value1()
              + ", the largest value of its type, so nothing was written; widen the parent's"
              + " version component (and column) to long");
    }
  }

  /**
   * Touches each distinct non-null key once, in ascending order where the keys are comparable (so
   * that concurrent batches lock their parents in one order).
   *
   * @param ctx the context of the child's write (its transaction)
   * @param values the keys, with repeats and nulls
   * @throws VersionOverflowException when a parent's version is the largest value of its type
   */
  public void touchAll(DSLContext ctx, Collection<? extends K> values) {
    Set<K> distinct = new LinkedHashSet<>();
    for (K value : values) {
      if (value != null) {
        distinct.add(value);
      }
    }
    List<K> ordered = new ArrayList<>(distinct);
    if (ordered.size() > 1 && ordered.get(0) instanceof Comparable) {
      ordered.sort(null);
    }
    for (K value : ordered) {
      touch(ctx, value);
    }
  }
}
