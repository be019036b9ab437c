package p;

import dev.versioned.ConflictEvent;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import dev.versioned.support.Arguments;
import dev.versioned.support.Batches;
import dev.versioned.support.CachedStatement;
import dev.versioned.support.Locking;
import dev.versioned.support.RepositoryDescriptor;
import dev.versioned.support.Retry;
import dev.versioned.support.TimestampVersions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * Optimistic-locking repository of {@link Event}, on table {@code event}.
 *
 * <p>Writes compare and increment the version column {@code updated_at}: a write based on a stale
 * copy throws {@link StaleRecordException} and changes nothing. Instances are immutable and
 * thread-safe; share one per {@link DSLContext}.
 */
@Generated("dev.versioned.processor.VersionedProcessor")
public final class EventRepository {
    /**
     * The table {@code event}; its fields are the column constants below.
     */
    public static final Table<Record> TABLE = new RepositoryTable();

    /**
     * Key column {@code id}, of component {@code Event.id}.
     */
    public static final Field<Long> ID = RepositoryTable.column(TABLE, "id",
            SQLDataType.BIGINT.nullable(false));

    /**
     * Column {@code title}, of component {@code Event.title}.
     */
    public static final Field<String> TITLE = RepositoryTable.column(TABLE, "title",
            SQLDataType.VARCHAR);

    /**
     * Column {@code hits}, of component {@code Event.hits}.
     */
    public static final Field<Integer> HITS = RepositoryTable.column(TABLE, "hits",
            SQLDataType.INTEGER.nullable(false));

    /**
     * Version column {@code updated_at}, of component {@code Event.updatedAt}.
     */
    public static final Field<Instant> UPDATED_AT = RepositoryTable.column(TABLE, "updated_at",
            SQLDataType.INSTANT);

    /**
     * The table, key and version as this repository's exceptions name them.
     */
    private static final RepositoryDescriptor<Event> DESCRIPTOR =
            RepositoryDescriptor.timestamped(TABLE, List.of(ID), UPDATED_AT, ChronoUnit.MILLIS,
                    EventRepository::keyValues);

    private final DSLContext dsl;

    private final RetryPolicy retry;

    /**
     * Creates a repository that retries {@code modify} with {@link RetryPolicy#DEFAULT}.
     *
     * @param dsl the jOOQ context to run statements with
     */
    public EventRepository(DSLContext dsl) {
        this(dsl, RetryPolicy.DEFAULT);
    }

    /**
     * Creates a repository.
     *
     * @param dsl the jOOQ context to run statements with
     * @param retry how {@code modify} retries after a conflict
     */
    public EventRepository(DSLContext dsl, RetryPolicy retry) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * Inserts the record as given, its version truncated to MILLIS; a null version is stored as the
     * current time.
     *
     * @param record the record to insert
     * @return the record as stored: its version, and any generated key, filled in
     * @throws NullPointerException if {@code record} is null
     */
    public Event insert(Event record) {
        Objects.requireNonNull(record, "record");
        return insert(dsl, record);
    }

    /**
     * Inserts every record in one transaction: all or nothing.
     *
     * @param records the records to insert
     * @return the records as stored, in the same order, with versions and generated keys filled in
     * @throws NullPointerException if {@code records} or one of its elements is null
     */
    public List<Event> insertAll(Collection<Event> records) {
        List<Event> input = Arguments.elements(records, "records");
        if (input.isEmpty()) {
            return List.of();
        }
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            List<Event> stored = new ArrayList<>(input.size());
            for (Event record : input) {
                stored.add(insert(tx, record));
            }
            return List.copyOf(stored);
        });
    }

    /**
     * Reads the row with the given key.
     *
     * @param id the key component {@code id}
     * @return the record, or empty when no row has that key
     */
    public Optional<Event> findById(long id) {
        return find(dsl, id);
    }

    /**
     * Reads every row of the table.
     *
     * @return the records, in the database's order
     */
    public List<Event> findAll() {
        return dsl.select(Columns.ALL).from(TABLE).fetch(EventRepository::fromRecord);
    }

    /**
     * Reads the rows that match a condition, built from this class's column constants.
     *
     * @param where the condition, for example {@code ID.eq(...)}
     * @return the matching records
     * @throws NullPointerException if {@code where} is null
     */
    public List<Event> findAll(Condition where) {
        Objects.requireNonNull(where, "where");
        return dsl.select(Columns.ALL).from(TABLE).where(where).fetch(EventRepository::fromRecord);
    }

    /**
     * Counts the rows of the table.
     *
     * @return the number of rows
     */
    public long count() {
        return dsl.fetchCount(TABLE);
    }

    /**
     * Writes every column of the record if, and only if, the row still has the record's version,
     * and increments the version: {@code UPDATE event SET ..., updated_at = ? WHERE <key> AND
     * updated_at = ?}. The argument is not changed.
     *
     * @param record the record, as read (with the version it was read at)
     * @return a new record equal to {@code record} but with the incremented version
     * @throws StaleRecordException if the row was changed or deleted since; nothing is written
     * @throws NullPointerException if {@code record} or its key is null
     */
    public Event update(Event record) {
        Objects.requireNonNull(record, "record");
        try {
            return update(dsl, record);
        } catch (RuntimeException e) {
            throw DESCRIPTOR.seen(dsl, ConflictEvent.Operation.UPDATE, keyValues(record), e);
        }
    }

    /**
     * Writes only the columns whose values differ between {@code original} and {@code changed}
     * (arrays by content), if the row still has {@code original}'s version, and increments the
     * version. The version carried by {@code changed} is ignored. When no column differs, nothing
     * is sent.
     *
     * @param original the record as read
     * @param changed the record with the new values
     * @return {@code changed} with the incremented version, or {@code original} when nothing
     *     differs
     * @throws IllegalArgumentException if the two records have different keys
     * @throws StaleRecordException if the row was changed or deleted since {@code original} was
     *     read
     * @throws NullPointerException if an argument or its key is null
     */
    public Event updateChanged(Event original, Event changed) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(changed, "changed");
        try {
            return updateChanged(dsl, original, changed);
        } catch (RuntimeException e) {
            throw DESCRIPTOR.seen(dsl, ConflictEvent.Operation.UPDATE_CHANGED, keyValues(original),
                    e);
        }
    }

    /**
     * Writes every column with no version check (last write wins), still incrementing the version,
     * and reads the new version back, in one transaction.
     *
     * @param record the values to store; its version is ignored
     * @return the record as stored, with the version now in the database
     * @throws NoDataFoundException if no row has the record's key
     * @throws NullPointerException if {@code record} or its key is null
     */
    public Event overwrite(Event record) {
        Objects.requireNonNull(record, "record");
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            Instant version = TimestampVersions.advance(tx, TABLE, recordKey(record), UPDATED_AT,
                    DSL.noCondition(), EventRepository::nextVersion, next -> tx.update(TABLE)
                            .set(TITLE, record.title())
                            .set(HITS, record.hits())
                            .set(UPDATED_AT, next));
            if (version == null) {
                throw DESCRIPTOR.notFound(keyValues(record));
            }
            return withVersion(record, version);
        });
    }

    /**
     * Reads the row, applies {@code change}, and writes the columns it changed with a version check
     * (see {@link #updateChanged}), each attempt in its own transaction (a savepoint when nested).
     * On a conflict (a stale row, or SQLSTATE 40001 or 40P01) it rereads and retries with jittered
     * exponential backoff, up to the {@link RetryPolicy} this repository was created with, then
     * rethrows the last failure, whose message then says that it gave up. When {@code change}
     * returns an equal record, nothing is written.
     *
     * <p>A retry reads the row as now committed, also inside an enclosing transaction (on MySQL and
     * MariaDB at REPEATABLE READ it uses a locking read). Where no retry can succeed inside the
     * enclosing transaction (its snapshot is fixed, as on PostgreSQL at REPEATABLE READ or
     * SERIALIZABLE, or the database refused the write as a serialization failure), it does not
     * retry: the failure is thrown at once, and its message says that the enclosing transaction
     * must be retried as a whole.
     *
     * <p>After {@link RetryPolicy#lockAfter()} conflicting attempts (when it is not 0), each
     * further attempt reads the row with a locking read ({@code SELECT ... FOR UPDATE}), so that
     * its write cannot conflict. A {@code ConflictListener} registered on the context's
     * configuration is told of each conflict, retry and give-up, and of the call as it ends.
     *
     * @param id the key component {@code id}
     * @param change the change; it may run more than once, so it should have no side effects
     * @return the record as stored
     * @throws NoDataFoundException if no row has that key
     * @throws IllegalArgumentException if {@code change} changes the key
     * @throws StaleRecordException if every attempt met a conflict
     */
    public Event modify(long id, UnaryOperator<Event> change) {
        Objects.requireNonNull(change, "change");
        return Retry.run(retry, dsl, TABLE, keyValues(id),
                (ctx, lockingRead) -> modify(ctx, id, lockingRead, change));
    }

    /**
     * Updates every record as {@link #update} does, as a JDBC batch in one transaction: all or
     * nothing. If any row is stale, nothing is written and the exception lists every stale row with
     * its index.
     *
     * @param records the records, as read
     * @return new records with incremented versions, in the same order
     * @throws StaleBatchException if any row was changed or deleted since it was read
     * @throws NullPointerException if {@code records}, an element or a key is null
     */
    public List<Event> updateAll(List<Event> records) {
        List<Event> input = Arguments.elements(records, "records");
        if (input.isEmpty()) {
            return List.of();
        }
        try {
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                List<Instant> versions = new ArrayList<>(input.size());
                for (Event record : input) {
                    versions.add(nextVersion(record.updatedAt()));
                }
                int[] rows = CachedStatement.executeBatch(
                        tx,
                        input.size(),
                        i -> input.get(i).updatedAt() == null ? Sql.updateNullVersionRow
                                : Sql.updateRow,
                        (values, i) -> {
                            Event record = input.get(i);
                            Instant next = versions.get(i);
                            if (record.updatedAt() == null) {
                                values
                                        .setString(TITLE, record.title())
                                        .setInt(HITS, record.hits())
                                        .set(UPDATED_AT, next)
                                        .setLong(ID, record.id());
                            } else {
                                values
                                        .setString(TITLE, record.title())
                                        .setInt(HITS, record.hits())
                                        .set(UPDATED_AT, next)
                                        .setLong(ID, record.id())
                                        .set(UPDATED_AT, record.updatedAt());
                            }
                        });
                List<StaleRecordException> conflicts = new ArrayList<>();
                List<Event> written = new ArrayList<>(input.size());
                for (int i = 0; i < rows.length; i++) {
                    Event record = input.get(i);
                    if (!DESCRIPTOR.one(rows[i])) {
                        conflicts.add(DESCRIPTOR.stale(tx, record, record.updatedAt(),
                                StaleRecordException.Operation.UPDATE, i));
                    } else {
                        written.add(withVersion(record, versions.get(i)));
                    }
                }
                if (!conflicts.isEmpty()) {
                    throw new StaleBatchException(conflicts);
                }
                return List.copyOf(written);
            });
        } catch (RuntimeException e) {
            throw DESCRIPTOR.seen(dsl, ConflictEvent.Operation.UPDATE_ALL, List.of(),
                    Batches.refused(e));
        }
    }

    /**
     * Deletes the row if, and only if, it still has the record's version: {@code DELETE FROM event
     * WHERE <key> AND updated_at = ?}.
     *
     * @param record the record, as read
     * @throws StaleRecordException if the row was changed or deleted since; nothing is deleted
     * @throws NullPointerException if {@code record} or its key is null
     */
    public void delete(Event record) {
        Objects.requireNonNull(record, "record");
        try {
            delete(dsl, record);
        } catch (RuntimeException e) {
            throw DESCRIPTOR.seen(dsl, ConflictEvent.Operation.DELETE, keyValues(record), e);
        }
    }

    /**
     * Deletes every record as {@link #delete} does, as a JDBC batch in one transaction: all or
     * nothing.
     *
     * @param records the records, as read
     * @throws StaleBatchException if any row was changed or deleted since it was read; nothing is
     *     deleted
     * @throws NullPointerException if {@code records}, an element or a key is null
     */
    public void deleteAll(List<Event> records) {
        List<Event> input = Arguments.elements(records, "records");
        if (input.isEmpty()) {
            return;
        }
        try {
            dsl.transaction(configuration -> {
                DSLContext tx = DSL.using(configuration);
                int[] rows = CachedStatement.executeBatch(
                        tx,
                        input.size(),
                        i -> input.get(i).updatedAt() == null ? Sql.deleteNullVersionRow
                                : Sql.deleteRow,
                        (values, i) -> {
                            Event record = input.get(i);
                            if (record.updatedAt() == null) {
                                values
                                        .setLong(ID, record.id());
                            } else {
                                values
                                        .setLong(ID, record.id())
                                        .set(UPDATED_AT, record.updatedAt());
                            }
                        });
                List<StaleRecordException> conflicts = new ArrayList<>();
                for (int i = 0; i < rows.length; i++) {
                    Event record = input.get(i);
                    if (!DESCRIPTOR.one(rows[i])) {
                        conflicts.add(DESCRIPTOR.stale(tx, record, record.updatedAt(),
                                StaleRecordException.Operation.DELETE, i));
                    }
                }
                if (!conflicts.isEmpty()) {
                    throw new StaleBatchException(conflicts);
                }
            });
        } catch (RuntimeException e) {
            throw DESCRIPTOR.seen(dsl, ConflictEvent.Operation.DELETE_ALL, List.of(),
                    Batches.refused(e));
        }
    }

    /**
     * Deletes the row with the given key <em>unconditionally</em>: there is no version check, so a
     * change made since the caller read the row is deleted too. Use {@link #delete} to delete only
     * the version the caller saw.
     *
     * @param id the key component {@code id}
     * @return true if a row was deleted
     */
    public boolean deleteById(long id) {
        return DESCRIPTOR.one(dsl.deleteFrom(TABLE).where(keyCondition(id)).execute());
    }

    /**
     * Adds {@code delta} to {@code hits} atomically and increments the version, with no version
     * check: {@code UPDATE event SET hits = COALESCE(hits, 0) + ?, updated_at = ? WHERE <key>}.
     *
     * <p>The new version is the later of the current time and the stored version plus one unit,
     * written by a locking read and a compare-and-set in one transaction. Nothing is written when
     * the increment would take an integer counter beyond the range of its Java type.
     *
     * @param id the key component {@code id}
     * @param delta the amount to add (negative to subtract)
     * @return true if a row with that key was found
     * @throws DataAccessException if the counter would leave the range of its type
     */
    public boolean incrementHits(long id, int delta) {
        Instant version = dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            Condition fits = delta >= 0
                    ? HITS.le(Integer.MAX_VALUE - delta)
                    : HITS.ge(Integer.MIN_VALUE - delta);
            return TimestampVersions.advance(tx, TABLE, keyCondition(id), UPDATED_AT, fits,
                    EventRepository::nextVersion, next -> tx.update(TABLE)
                            .set(HITS, HITS.plus(delta))
                            .set(UPDATED_AT, next));
        });
        if (version != null) {
            return true;
        }
        return DESCRIPTOR.incrementRefused(dsl, HITS, delta, keyValues(id));
    }

    /**
     * Increments the version and writes no other column, if, and only if, the row still has the
     * record's version: {@code UPDATE event SET updated_at = ? WHERE <key> AND updated_at = ?}.
     *
     * <p>Touching the root of an aggregate in the same transaction as the writes of its parts
     * guards the aggregate as a whole: the transaction fails if the root changed since it was read,
     * and every copy of the root read before it is stale from then on.
     *
     * @param record the record, as read (with the version it was read at)
     * @return a new record equal to {@code record} but with the incremented version
     * @throws StaleRecordException if the row was changed or deleted since; nothing is written
     * @throws NullPointerException if {@code record} or its key is null
     */
    public Event touch(Event record) {
        Objects.requireNonNull(record, "record");
        try {
            return touch(dsl, record);
        } catch (RuntimeException e) {
            throw DESCRIPTOR.seen(dsl, ConflictEvent.Operation.TOUCH, keyValues(record), e);
        }
    }

    /**
     * Reads the row with the given key and locks it ({@code SELECT ... FOR UPDATE}): until the
     * caller's transaction ends, every other transaction that writes the row, or reads it with a
     * lock, waits. Run it inside a transaction ({@code dsl.transactionResult(...)}, or Spring's
     * {@code @Transactional}); outside one, the lock ends with the statement.
     *
     * <p>The lock makes the write that follows unable to conflict, at the price of making every
     * other writer of the row wait: prefer {@code modify} with {@link RetryPolicy#lockAfter()},
     * which locks only once a row has proved hot. A database without row locks (SQLite) reads the
     * row without one.
     *
     * @param id the key component {@code id}
     * @return the record, or empty when no row has that key
     */
    public Optional<Event> findByIdForUpdate(long id) {
        return findForUpdate(dsl, id);
    }

    /**
     * Builds a {@link Event} from a jOOQ record that holds this table's columns, by calling its
     * canonical constructor. The repository maps its own queries with it; custom queries can too,
     * for example {@code
     * dsl.select(...).from(TABLE).where(...).fetch(EventRepository::fromRecord)}.
     *
     * @param record a record with every column constant of this class
     * @return the record
     * @throws NullPointerException if {@code record} is null
     * @throws DataAccessException if a column of a primitive component is NULL
     */
    public static Event fromRecord(Record record) {
        Objects.requireNonNull(record, "record");
        return new Event(
                DESCRIPTOR.notNull(record.get(ID), ID),
                record.get(TITLE),
                DESCRIPTOR.notNull(record.get(HITS), HITS),
                record.get(UPDATED_AT));
    }

    private static Event insert(DSLContext ctx, Event record) {
        Instant version = TimestampVersions.inserted(record.updatedAt(), ChronoUnit.MILLIS);
        Sql.insertRow.execute(ctx, values -> values
                .setLong(ID, record.id())
                .setString(TITLE, record.title())
                .setInt(HITS, record.hits())
                .set(UPDATED_AT, version));
        return withVersion(record, version);
    }

    private static Optional<Event> find(DSLContext ctx, long id) {
        return Sql.selectRow.fetchOptional(
                ctx,
                values -> values
                        .setLong(ID, id),
                null,
                EventRepository::fromRecord);
    }

    private static Event update(DSLContext ctx, Event record) {
        Instant next = nextVersion(record.updatedAt());
        int rows;
        try {
            rows = record.updatedAt() == null
                    ? Sql.updateNullVersionRow.execute(ctx, values -> values
                            .setString(TITLE, record.title())
                            .setInt(HITS, record.hits())
                            .set(UPDATED_AT, next)
                            .setLong(ID, record.id()))
                    : Sql.updateRow.execute(ctx, values -> values
                            .setString(TITLE, record.title())
                            .setInt(HITS, record.hits())
                            .set(UPDATED_AT, next)
                            .setLong(ID, record.id())
                            .set(UPDATED_AT, record.updatedAt()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.updatedAt(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.updatedAt(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(record, next);
    }

    private static Event updateChanged(DSLContext ctx, Event original, Event changed) {
        if (!sameKey(original, changed)) {
            throw new IllegalArgumentException(
                    "original and changed must have the same key, but have " + keyValues(original)
                            + " and " + keyValues(changed));
        }
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        if (!Objects.equals(original.title(), changed.title())) {
            changes.put(TITLE, changed.title());
        }
        if (original.hits() != changed.hits()) {
            changes.put(HITS, changed.hits());
        }
        if (changes.isEmpty()) {
            return original;
        }
        Instant next = nextVersion(original.updatedAt());
        changes.put(UPDATED_AT, next);
        int rows;
        try {
            rows = ctx.update(TABLE).set(changes)
                    .where(recordKey(original)).and(versionCondition(original.updatedAt()))
                    .execute();
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, changed, original.updatedAt(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, changed, original.updatedAt(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(changed, next);
    }

    private static Event modify(DSLContext ctx, long id, boolean lockingRead,
            UnaryOperator<Event> change) {
        Event current = (lockingRead ? findForUpdate(ctx, id) : find(ctx, id))
                .orElseThrow(() -> DESCRIPTOR.notFound(keyValues(id)));
        Event changed = change.apply(current);
        if (changed == null) {
            throw new NullPointerException("the change passed to modify returned null for key "
                    + keyValues(current));
        }
        if (!sameKey(current, changed)) {
            throw new IllegalArgumentException(
                    "the change passed to modify must not change the key, but changed "
                            + keyValues(current) + " to " + keyValues(changed));
        }
        return updateChanged(ctx, current, changed);
    }

    private static void delete(DSLContext ctx, Event record) {
        int rows;
        try {
            rows = record.updatedAt() == null
                    ? Sql.deleteNullVersionRow.execute(ctx, values -> values
                            .setLong(ID, record.id()))
                    : Sql.deleteRow.execute(ctx, values -> values
                            .setLong(ID, record.id())
                            .set(UPDATED_AT, record.updatedAt()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.updatedAt(),
                    StaleRecordException.Operation.DELETE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.updatedAt(),
                    StaleRecordException.Operation.DELETE, -1);
        }
    }

    private static Event touch(DSLContext ctx, Event record) {
        Instant next = nextVersion(record.updatedAt());
        int rows;
        try {
            rows = record.updatedAt() == null
                    ? Sql.touchNullVersionRow.execute(ctx, values -> values
                            .set(UPDATED_AT, next)
                            .setLong(ID, record.id()))
                    : Sql.touchRow.execute(ctx, values -> values
                            .set(UPDATED_AT, next)
                            .setLong(ID, record.id())
                            .set(UPDATED_AT, record.updatedAt()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.updatedAt(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.updatedAt(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(record, next);
    }

    /**
     * Reads the row with the given key with a locking read ({@link Locking#forUpdate}): on a
     * database with row locks the row stays locked until the transaction of {@code ctx} ends, and
     * InnoDB reads it as now committed even at REPEATABLE READ.
     */
    private static Optional<Event> findForUpdate(DSLContext ctx, long id) {
        return Sql.lockRow.fetchOptional(
                ctx,
                values -> values
                        .setLong(ID, id),
                null,
                EventRepository::fromRecord);
    }

    private static Condition keyCondition(long id) {
        return ID.eq(id);
    }

    private static Condition recordKey(Event record) {
        return keyCondition(record.id());
    }

    private static Condition versionCondition(Instant expected) {
        return TimestampVersions.matches(UPDATED_AT, expected);
    }

    /**
     * The version a write stores after {@code expected}: the current time truncated to {@code
     * MILLIS}, or {@code expected} plus one unit when that is not later, so the versions of a row
     * strictly increase.
     */
    private static Instant nextVersion(Instant expected) {
        return TimestampVersions.next(expected, ChronoUnit.MILLIS);
    }

    private static Event withVersion(Event record, Instant version) {
        return new Event(record.id(), record.title(), record.hits(), version);
    }

    private static List<Object> keyValues(long id) {
        return Arrays.<Object>asList(id);
    }

    private static List<Object> keyValues(Event record) {
        return keyValues(record.id());
    }

    private static boolean sameKey(Event a, Event b) {
        return a.id() == b.id();
    }

    /**
     * The table, with one field per column.
     */
    private static final class RepositoryTable extends TableImpl<Record> {
        private static final long serialVersionUID = 1L;

        private RepositoryTable() {
            super(DSL.name("event"));
        }

        private static <T> TableField<Record, T> column(Table<Record> table, String name,
                DataType<T> type) {
            return createField(DSL.name(name), type, table, "");
        }
    }

    /**
     * The list of every column, initialized after the column constants.
     */
    private static final class Columns {
        static final List<Field<?>> ALL = List.of(ID, TITLE, HITS, UPDATED_AT);

        private Columns() {
        }
    }

    /**
     * The statements run on every call, rendered by jOOQ once per dialect and settings.
     */
    private static final class Sql {
        /**
         * Inserts every column.
         */
        static final CachedStatement insertRow = CachedStatement.of(
                (ctx, p) -> ctx.insertInto(TABLE)
                        .set(ID, p.of(ID))
                        .set(TITLE, p.of(TITLE))
                        .set(HITS, p.of(HITS))
                        .set(UPDATED_AT, p.of(UPDATED_AT)));

        /**
         * Reads the row with a key.
         */
        static final CachedStatement selectRow = CachedStatement.of(
                (ctx, p) -> ctx.select(Columns.ALL)
                        .from(TABLE)
                        .where(ID.eq(p.of(ID))));

        /**
         * Reads the row with a key with a locking read.
         */
        static final CachedStatement lockRow = CachedStatement.of(
                (ctx, p) -> Locking.forUpdate(ctx, ctx.select(Columns.ALL)
                        .from(TABLE)
                        .where(ID.eq(p.of(ID)))));

        /**
         * Compare-and-increment of every column, for a non-null version.
         */
        static final CachedStatement updateRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(TITLE, p.of(TITLE))
                        .set(HITS, p.of(HITS))
                        .set(UPDATED_AT, p.of(UPDATED_AT))
                        .where(ID.eq(p.of(ID)))
                        .and(TimestampVersions.matches(UPDATED_AT, p.of(UPDATED_AT))));

        /**
         * Version-checked delete, for a non-null version.
         */
        static final CachedStatement deleteRow = CachedStatement.of(
                (ctx, p) -> ctx.deleteFrom(TABLE)
                        .where(ID.eq(p.of(ID)))
                        .and(TimestampVersions.matches(UPDATED_AT, p.of(UPDATED_AT))));

        /**
         * Version-checked increment of the version alone, for a non-null version.
         */
        static final CachedStatement touchRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(UPDATED_AT, p.of(UPDATED_AT))
                        .where(ID.eq(p.of(ID)))
                        .and(TimestampVersions.matches(UPDATED_AT, p.of(UPDATED_AT))));

        /**
         * Compare-and-increment of every column, for a null version: v IS NULL, and the new version
         * is the first.
         */
        static final CachedStatement updateNullVersionRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(TITLE, p.of(TITLE))
                        .set(HITS, p.of(HITS))
                        .set(UPDATED_AT, p.of(UPDATED_AT))
                        .where(ID.eq(p.of(ID)))
                        .and(UPDATED_AT.isNull()));

        /**
         * Version-checked delete, for a null version (v IS NULL).
         */
        static final CachedStatement deleteNullVersionRow = CachedStatement.of(
                (ctx, p) -> ctx.deleteFrom(TABLE)
                        .where(ID.eq(p.of(ID)))
                        .and(UPDATED_AT.isNull()));

        /**
         * Version-checked increment of the version alone, for a null version: v IS NULL, and the
         * new version is the first.
         */
        static final CachedStatement touchNullVersionRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(UPDATED_AT, p.of(UPDATED_AT))
                        .where(ID.eq(p.of(ID)))
                        .and(UPDATED_AT.isNull()));

        private Sql() {
        }
    }
}
