package p;

import dev.versioned.ConflictEvent;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import dev.versioned.support.Arguments;
import dev.versioned.support.Batches;
import dev.versioned.support.CachedStatement;
import dev.versioned.support.CachedStatements;
import dev.versioned.support.Jdbc;
import dev.versioned.support.Locking;
import dev.versioned.support.RepositoryDescriptor;
import dev.versioned.support.Retry;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.jooq.Identity;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.jooq.impl.Internal;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * Optimistic-locking repository of {@link Ticket}, on table {@code ticket}.
 *
 * <p>Writes compare and increment the version column {@code lock_version}: a write based on a stale
 * copy throws {@link StaleRecordException} and changes nothing. Instances are immutable and
 * thread-safe; share one per {@link DSLContext}.
 */
@Generated("dev.versioned.processor.VersionedProcessor")
public final class TicketRepository {
    /**
     * The table {@code ticket}; its fields are the column constants below.
     */
    public static final Table<Record> TABLE = new RepositoryTable();

    private static final TableField<Record, Long> identityKey = RepositoryTable.column(TABLE, "id",
            SQLDataType.BIGINT);

    /**
     * Key column {@code id}, of component {@code Ticket.id}.
     */
    public static final Field<Long> ID = identityKey;

    /**
     * Column {@code subject}, of component {@code Ticket.subject}.
     */
    public static final Field<String> SUBJECT = RepositoryTable.column(TABLE, "subject",
            SQLDataType.VARCHAR);

    /**
     * Version column {@code lock_version}, of component {@code Ticket.lockVersion}.
     */
    public static final Field<Long> LOCK_VERSION = RepositoryTable.column(TABLE, "lock_version",
            SQLDataType.BIGINT.nullable(false));

    /**
     * The table, key and version as this repository's exceptions name them.
     */
    private static final RepositoryDescriptor<Ticket> DESCRIPTOR =
            RepositoryDescriptor.counting(TABLE, List.of(ID), LOCK_VERSION, Long.MAX_VALUE,
                    TicketRepository::keyValues);

    private final DSLContext dsl;

    private final RetryPolicy retry;

    /**
     * Creates a repository that retries {@code modify} with {@link RetryPolicy#DEFAULT}.
     *
     * @param dsl the jOOQ context to run statements with
     */
    public TicketRepository(DSLContext dsl) {
        this(dsl, RetryPolicy.DEFAULT);
    }

    /**
     * Creates a repository.
     *
     * @param dsl the jOOQ context to run statements with
     * @param retry how {@code modify} retries after a conflict
     */
    public TicketRepository(DSLContext dsl, RetryPolicy retry) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * Inserts the record as given; a null version is stored as 0. A null key component is left to
     * the database, and the generated key is returned.
     *
     * @param record the record to insert
     * @return the record as stored: its version, and any generated key, filled in
     * @throws NullPointerException if {@code record} is null
     */
    public Ticket insert(Ticket record) {
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
    public List<Ticket> insertAll(Collection<Ticket> records) {
        List<Ticket> input = Arguments.elements(records, "records");
        if (input.isEmpty()) {
            return List.of();
        }
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            List<Ticket> stored = new ArrayList<>(input.size());
            for (Ticket record : input) {
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
     * @throws NullPointerException if a key argument is null
     */
    public Optional<Ticket> findById(Long id) {
        Objects.requireNonNull(id, "id");
        return find(dsl, id);
    }

    /**
     * Reads every row of the table.
     *
     * @return the records, in the database's order
     */
    public List<Ticket> findAll() {
        return dsl.select(Columns.ALL).from(TABLE).fetch(TicketRepository::fromRecord);
    }

    /**
     * Reads the rows that match a condition, built from this class's column constants.
     *
     * @param where the condition, for example {@code ID.eq(...)}
     * @return the matching records
     * @throws NullPointerException if {@code where} is null
     */
    public List<Ticket> findAll(Condition where) {
        Objects.requireNonNull(where, "where");
        return dsl.select(Columns.ALL).from(TABLE).where(where).fetch(TicketRepository::fromRecord);
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
     * and increments the version: {@code UPDATE ticket SET ..., lock_version = lock_version + 1
     * WHERE <key> AND lock_version = ?}. The argument is not changed.
     *
     * @param record the record, as read (with the version it was read at)
     * @return a new record equal to {@code record} but with the incremented version
     * @throws StaleRecordException if the row was changed or deleted since; nothing is written
     * @throws VersionOverflowException if the version is already the largest value of its type
     * @throws NullPointerException if {@code record} or its key is null
     */
    public Ticket update(Ticket record) {
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
     * @throws VersionOverflowException if the version is already the largest value of its type
     * @throws NullPointerException if an argument or its key is null
     */
    public Ticket updateChanged(Ticket original, Ticket changed) {
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
     * @throws VersionOverflowException if the stored version is already the largest value of its
     *     type
     * @throws NullPointerException if {@code record} or its key is null
     */
    public Ticket overwrite(Ticket record) {
        Objects.requireNonNull(record, "record");
        checkKey(record, "record");
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            int rows = tx.update(TABLE)
                    .set(SUBJECT, record.subject())
                    .set(LOCK_VERSION, LOCK_VERSION.plus(DSL.inline(1)))
                    .where(recordKey(record))
                    .and(LOCK_VERSION.lt(DSL.inline(Long.MAX_VALUE, LOCK_VERSION)))
                    .execute();
            if (!DESCRIPTOR.one(rows)) {
                throw DESCRIPTOR.missingOrOverflow(tx, keyValues(record));
            }
            return withVersion(record, tx.select(LOCK_VERSION).from(TABLE)
                    .where(recordKey(record)).fetchSingle().value1());
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
     * @throws NullPointerException if a key argument is null
     */
    public Ticket modify(Long id, UnaryOperator<Ticket> change) {
        Objects.requireNonNull(id, "id");
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
     * @throws VersionOverflowException if a version is already the largest value of its type
     * @throws NullPointerException if {@code records}, an element or a key is null
     */
    public List<Ticket> updateAll(List<Ticket> records) {
        List<Ticket> input = Arguments.elements(records, "records");
        for (Ticket record : input) {
            checkKey(record, "records");
            checkOverflow(record);
        }
        if (input.isEmpty()) {
            return List.of();
        }
        try {
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                int[] rows = Sql.updateRow.executeBatch(tx, input, (values, record) -> values
                        .setString(SUBJECT, record.subject())
                        .setLong(ID, record.id())
                        .setLong(LOCK_VERSION, record.lockVersion()));
                List<StaleRecordException> conflicts = new ArrayList<>();
                List<Ticket> written = new ArrayList<>(input.size());
                for (int i = 0; i < rows.length; i++) {
                    Ticket record = input.get(i);
                    if (!DESCRIPTOR.one(rows[i])) {
                        conflicts.add(DESCRIPTOR.stale(tx, record, record.lockVersion(),
                                StaleRecordException.Operation.UPDATE, i));
                    } else {
                        written.add(withVersion(record, nextVersion(record.lockVersion())));
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
     * Deletes the row if, and only if, it still has the record's version: {@code DELETE FROM ticket
     * WHERE <key> AND lock_version = ?}.
     *
     * @param record the record, as read
     * @throws StaleRecordException if the row was changed or deleted since; nothing is deleted
     * @throws NullPointerException if {@code record} or its key is null
     */
    public void delete(Ticket record) {
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
    public void deleteAll(List<Ticket> records) {
        List<Ticket> input = Arguments.elements(records, "records");
        for (Ticket record : input) {
            checkKey(record, "records");
        }
        if (input.isEmpty()) {
            return;
        }
        try {
            dsl.transaction(configuration -> {
                DSLContext tx = DSL.using(configuration);
                int[] rows = Sql.deleteRow.executeBatch(tx, input, (values, record) -> values
                        .setLong(ID, record.id())
                        .setLong(LOCK_VERSION, record.lockVersion()));
                List<StaleRecordException> conflicts = new ArrayList<>();
                for (int i = 0; i < rows.length; i++) {
                    Ticket record = input.get(i);
                    if (!DESCRIPTOR.one(rows[i])) {
                        conflicts.add(DESCRIPTOR.stale(tx, record, record.lockVersion(),
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
     * @throws NullPointerException if a key argument is null
     */
    public boolean deleteById(Long id) {
        Objects.requireNonNull(id, "id");
        return DESCRIPTOR.one(dsl.deleteFrom(TABLE).where(keyCondition(id)).execute());
    }

    /**
     * Increments the version and writes no other column, if, and only if, the row still has the
     * record's version: {@code UPDATE ticket SET lock_version = lock_version + 1 WHERE <key> AND
     * lock_version = ?}.
     *
     * <p>Touching the root of an aggregate in the same transaction as the writes of its parts
     * guards the aggregate as a whole: the transaction fails if the root changed since it was read,
     * and every copy of the root read before it is stale from then on.
     *
     * @param record the record, as read (with the version it was read at)
     * @return a new record equal to {@code record} but with the incremented version
     * @throws StaleRecordException if the row was changed or deleted since; nothing is written
     * @throws VersionOverflowException if the version is already the largest value of its type
     * @throws NullPointerException if {@code record} or its key is null
     */
    public Ticket touch(Ticket record) {
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
     * @throws NullPointerException if a key argument is null
     */
    public Optional<Ticket> findByIdForUpdate(Long id) {
        Objects.requireNonNull(id, "id");
        return findForUpdate(dsl, id);
    }

    /**
     * Builds a {@link Ticket} from a jOOQ record that holds this table's columns, by calling its
     * canonical constructor. The repository maps its own queries with it; custom queries can too,
     * for example {@code
     * dsl.select(...).from(TABLE).where(...).fetch(TicketRepository::fromRecord)}.
     *
     * @param record a record with every column constant of this class
     * @return the record
     * @throws NullPointerException if {@code record} is null
     * @throws DataAccessException if a column of a primitive component is NULL
     */
    public static Ticket fromRecord(Record record) {
        Objects.requireNonNull(record, "record");
        return new Ticket(
                record.get(ID),
                record.get(SUBJECT),
                DESCRIPTOR.notNull(record.get(LOCK_VERSION), LOCK_VERSION));
    }

    private static Ticket insert(DSLContext ctx, Ticket record) {
        long version = record.lockVersion();
        if (record.id() == null) {
            InsertSetMoreStep<Record> insert = ctx.insertInto(TABLE)
                    .set(LOCK_VERSION, version)
                    .set(SUBJECT, record.subject());
            if (record.id() != null) {
                insert = insert.set(ID, record.id());
            }
            Record generated = insert.returningResult(ID).fetchOne();
            if (generated == null) {
                throw new DataAccessException(
                        "the database returned no generated key for ticket");
            }
            return new Ticket(record.id() != null ? record.id() : generated.get(ID),
                    record.subject(), version);
        }
        Sql.insertRow.execute(ctx, values -> values
                .setLong(ID, record.id())
                .setString(SUBJECT, record.subject())
                .setLong(LOCK_VERSION, version));
        return withVersion(record, version);
    }

    private static Optional<Ticket> find(DSLContext ctx, Long id) {
        return Sql.selectRow.fetchOptional(
                ctx,
                values -> values
                        .setLong(ID, id),
                TicketRepository::readRow,
                TicketRepository::fromRecord);
    }

    private static Ticket update(DSLContext ctx, Ticket record) {
        checkKey(record, "record");
        checkOverflow(record);
        int rows;
        try {
            rows = Sql.updateRow.execute(ctx, values -> values
                    .setString(SUBJECT, record.subject())
                    .setLong(ID, record.id())
                    .setLong(LOCK_VERSION, record.lockVersion()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.lockVersion(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.lockVersion(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(record, nextVersion(record.lockVersion()));
    }

    private static Ticket updateChanged(DSLContext ctx, Ticket original, Ticket changed) {
        checkKey(original, "original");
        checkKey(changed, "changed");
        if (!sameKey(original, changed)) {
            throw new IllegalArgumentException(
                    "original and changed must have the same key, but have " + keyValues(original)
                            + " and " + keyValues(changed));
        }
        long changes = changedColumns(original, changed);
        if (changes == 0L) {
            return original;
        }
        checkOverflow(original);
        int rows;
        try {
            rows = Sql.updateColumns.forColumns(changes).execute(ctx, values -> {
                if ((changes & 1L) != 0L) {
                    values.setString(SUBJECT, changed.subject());
                }
                values
                        .setLong(ID, original.id())
                        .setLong(LOCK_VERSION, original.lockVersion());
            });
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, changed, original.lockVersion(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, changed, original.lockVersion(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(changed, nextVersion(original.lockVersion()));
    }

    /**
     * The columns whose values differ between {@code original} and {@code changed}: bit i for the
     * i-th non-key column, as {@code Sql.updateColumns} numbers them.
     */
    private static long changedColumns(Ticket original, Ticket changed) {
        long changes = 0L;
        if (!Objects.equals(original.subject(), changed.subject())) {
            changes |= 1L;
        }
        return changes;
    }

    private static Ticket modify(DSLContext ctx, Long id, boolean lockingRead,
            UnaryOperator<Ticket> change) {
        Ticket current = (lockingRead ? findForUpdate(ctx, id) : find(ctx, id))
                .orElseThrow(() -> DESCRIPTOR.notFound(keyValues(id)));
        Ticket changed = change.apply(current);
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

    private static void delete(DSLContext ctx, Ticket record) {
        checkKey(record, "record");
        int rows;
        try {
            rows = Sql.deleteRow.execute(ctx, values -> values
                    .setLong(ID, record.id())
                    .setLong(LOCK_VERSION, record.lockVersion()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.lockVersion(),
                    StaleRecordException.Operation.DELETE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.lockVersion(),
                    StaleRecordException.Operation.DELETE, -1);
        }
    }

    private static Ticket touch(DSLContext ctx, Ticket record) {
        checkKey(record, "record");
        checkOverflow(record);
        int rows;
        try {
            rows = Sql.touchRow.execute(ctx, values -> values
                    .setLong(ID, record.id())
                    .setLong(LOCK_VERSION, record.lockVersion()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.lockVersion(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.lockVersion(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(record, nextVersion(record.lockVersion()));
    }

    /**
     * Reads the row with the given key with a locking read ({@link Locking#forUpdate}): on a
     * database with row locks the row stays locked until the transaction of {@code ctx} ends, and
     * InnoDB reads it as now committed even at REPEATABLE READ.
     */
    private static Optional<Ticket> findForUpdate(DSLContext ctx, Long id) {
        return Sql.lockRow.fetchOptional(
                ctx,
                values -> values
                        .setLong(ID, id),
                TicketRepository::readRow,
                TicketRepository::fromRecord);
    }

    /**
     * Reads a row of {@code Sql.selectRow}: every column has a type that jOOQ reads with the plain
     * JDBC getter.
     */
    private static Ticket readRow(ResultSet rs) throws SQLException {
        return new Ticket(
                Jdbc.getLongOrNull(rs, 1),
                rs.getString(2),
                Jdbc.getLong(rs, 3, TABLE, LOCK_VERSION));
    }

    private static Condition keyCondition(Long id) {
        return ID.eq(id);
    }

    private static Condition recordKey(Ticket record) {
        return keyCondition(record.id());
    }

    private static long nextVersion(long expected) {
        return expected + 1;
    }

    private static Ticket withVersion(Ticket record, long version) {
        return new Ticket(record.id(), record.subject(), version);
    }

    private static List<Object> keyValues(Long id) {
        return Arrays.<Object>asList(id);
    }

    private static List<Object> keyValues(Ticket record) {
        return keyValues(record.id());
    }

    private static boolean sameKey(Ticket a, Ticket b) {
        return Objects.equals(a.id(), b.id());
    }

    private static void checkKey(Ticket record, String parameter) {
        if (record.id() == null) {
            throw new NullPointerException(parameter + ": key component id is null");
        }
    }

    private static void checkOverflow(Ticket record) {
        if (record.lockVersion() >= Long.MAX_VALUE) {
            throw DESCRIPTOR.overflow(record, record.lockVersion());
        }
    }

    /**
     * The table, with one field per column.
     */
    private static final class RepositoryTable extends TableImpl<Record> {
        private static final long serialVersionUID = 1L;

        private RepositoryTable() {
            super(DSL.name("ticket"));
        }

        private static <T> TableField<Record, T> column(Table<Record> table, String name,
                DataType<T> type) {
            return createField(DSL.name(name), type, table, "");
        }

        @Override
        public Identity<Record, ?> getIdentity() {
            return Internal.createIdentity(this, identityKey);
        }
    }

    /**
     * The list of every column, initialized after the column constants.
     */
    private static final class Columns {
        static final List<Field<?>> ALL = List.of(ID, SUBJECT, LOCK_VERSION);

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
                        .set(SUBJECT, p.of(SUBJECT))
                        .set(LOCK_VERSION, p.of(LOCK_VERSION)));

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
         * Compare-and-increment of every column.
         */
        static final CachedStatement updateRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(SUBJECT, p.of(SUBJECT))
                        .set(LOCK_VERSION, LOCK_VERSION.plus(DSL.inline(1)))
                        .where(ID.eq(p.of(ID)))
                        .and(LOCK_VERSION.eq(p.of(LOCK_VERSION))));

        /**
         * Version-checked delete.
         */
        static final CachedStatement deleteRow = CachedStatement.of(
                (ctx, p) -> ctx.deleteFrom(TABLE)
                        .where(ID.eq(p.of(ID)))
                        .and(LOCK_VERSION.eq(p.of(LOCK_VERSION))));

        /**
         * Version-checked increment of the version alone.
         */
        static final CachedStatement touchRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(LOCK_VERSION, LOCK_VERSION.plus(DSL.inline(1)))
                        .where(ID.eq(p.of(ID)))
                        .and(LOCK_VERSION.eq(p.of(LOCK_VERSION))));

        /**
         * Compare-and-increment of the changed columns, one statement per set of columns (bit i:
         * the i-th non-key column).
         */
        static final CachedStatements updateColumns = CachedStatements.of((ctx, p, columns) -> {
            Map<Field<?>, Object> set = new LinkedHashMap<>();
            if ((columns & 1L) != 0L) {
                set.put(SUBJECT, p.of(SUBJECT));
            }
            set.put(LOCK_VERSION, LOCK_VERSION.plus(DSL.inline(1)));
            return ctx.update(TABLE)
                    .set(set)
                    .where(ID.eq(p.of(ID)))
                    .and(LOCK_VERSION.eq(p.of(LOCK_VERSION)));
        });

        private Sql() {
        }
    }
}
