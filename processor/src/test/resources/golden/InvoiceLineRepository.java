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
import dev.versioned.support.ParentTouch;
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
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * Optimistic-locking repository of {@link InvoiceLine}, on table {@code invoice_line}.
 *
 * <p>Writes compare and increment the version column {@code lock_version}: a write based on a stale
 * copy throws {@link StaleRecordException} and changes nothing. Instances are immutable and
 * thread-safe; share one per {@link DSLContext}.
 *
 * <p>Every write also increments the version of the {@code billing.invoice} row that {@code
 * invoiceId} names ({@code @Touch}), in the same transaction; a parent at the largest version of
 * its type makes the write fail with {@code VersionOverflowException}, and nothing is written.
 */
@Generated("dev.versioned.processor.VersionedProcessor")
public final class InvoiceLineRepository {
    /**
     * The table {@code invoice_line}; its fields are the column constants below.
     */
    public static final Table<Record> TABLE = new RepositoryTable();

    /**
     * Key column {@code id}, of component {@code InvoiceLine.id}.
     */
    public static final Field<Long> ID = RepositoryTable.column(TABLE, "id",
            SQLDataType.BIGINT.nullable(false));

    /**
     * Column {@code invoice_id}, of component {@code InvoiceLine.invoiceId}.
     */
    public static final Field<Long> INVOICE_ID = RepositoryTable.column(TABLE, "invoice_id",
            SQLDataType.BIGINT);

    /**
     * Column {@code product}, of component {@code InvoiceLine.product}.
     */
    public static final Field<String> PRODUCT = RepositoryTable.column(TABLE, "product",
            SQLDataType.VARCHAR);

    /**
     * Column {@code quantity}, of component {@code InvoiceLine.quantity}.
     */
    public static final Field<Integer> QUANTITY = RepositoryTable.column(TABLE, "quantity",
            SQLDataType.INTEGER.nullable(false));

    /**
     * Version column {@code lock_version}, of component {@code InvoiceLine.lockVersion}.
     */
    public static final Field<Long> LOCK_VERSION = RepositoryTable.column(TABLE, "lock_version",
            SQLDataType.BIGINT.nullable(false));

    /**
     * The table, key and version as this repository's exceptions name them.
     */
    private static final RepositoryDescriptor<InvoiceLine> DESCRIPTOR =
            RepositoryDescriptor.counting(TABLE, List.of(ID), LOCK_VERSION, Long.MAX_VALUE,
                    InvoiceLineRepository::keyValues);

    private final DSLContext dsl;

    private final RetryPolicy retry;

    /**
     * Creates a repository that retries {@code modify} with {@link RetryPolicy#DEFAULT}.
     *
     * @param dsl the jOOQ context to run statements with
     */
    public InvoiceLineRepository(DSLContext dsl) {
        this(dsl, RetryPolicy.DEFAULT);
    }

    /**
     * Creates a repository.
     *
     * @param dsl the jOOQ context to run statements with
     * @param retry how {@code modify} retries after a conflict
     */
    public InvoiceLineRepository(DSLContext dsl, RetryPolicy retry) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * Inserts the record as given; a null version is stored as 0.
     *
     * @param record the record to insert
     * @return the record as stored: its version, and any generated key, filled in
     * @throws NullPointerException if {@code record} is null
     */
    public InvoiceLine insert(InvoiceLine record) {
        Objects.requireNonNull(record, "record");
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            InvoiceLine stored = insert(tx, record);
            touchParents(tx, List.of(stored), List.of());
            return stored;
        });
    }

    /**
     * Inserts every record in one transaction: all or nothing.
     *
     * @param records the records to insert
     * @return the records as stored, in the same order, with versions and generated keys filled in
     * @throws NullPointerException if {@code records} or one of its elements is null
     */
    public List<InvoiceLine> insertAll(Collection<InvoiceLine> records) {
        List<InvoiceLine> input = Arguments.elements(records, "records");
        if (input.isEmpty()) {
            return List.of();
        }
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            List<InvoiceLine> stored = new ArrayList<>(input.size());
            for (InvoiceLine record : input) {
                stored.add(insert(tx, record));
            }
            touchParents(tx, stored, List.of());
            return List.copyOf(stored);
        });
    }

    /**
     * Reads the row with the given key.
     *
     * @param id the key component {@code id}
     * @return the record, or empty when no row has that key
     */
    public Optional<InvoiceLine> findById(long id) {
        return find(dsl, id);
    }

    /**
     * Reads every row of the table.
     *
     * @return the records, in the database's order
     */
    public List<InvoiceLine> findAll() {
        return dsl.select(Columns.ALL).from(TABLE).fetch(InvoiceLineRepository::fromRecord);
    }

    /**
     * Reads the rows that match a condition, built from this class's column constants.
     *
     * @param where the condition, for example {@code ID.eq(...)}
     * @return the matching records
     * @throws NullPointerException if {@code where} is null
     */
    public List<InvoiceLine> findAll(Condition where) {
        Objects.requireNonNull(where, "where");
        return dsl.select(Columns.ALL).from(TABLE).where(where)
                .fetch(InvoiceLineRepository::fromRecord);
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
     * and increments the version: {@code UPDATE invoice_line SET ..., lock_version = lock_version +
     * 1 WHERE <key> AND lock_version = ?}. The argument is not changed.
     *
     * @param record the record, as read (with the version it was read at)
     * @return a new record equal to {@code record} but with the incremented version
     * @throws StaleRecordException if the row was changed or deleted since; nothing is written
     * @throws VersionOverflowException if the version is already the largest value of its type
     * @throws NullPointerException if {@code record} or its key is null
     */
    public InvoiceLine update(InvoiceLine record) {
        Objects.requireNonNull(record, "record");
        try {
            checkOverflow(record);
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                List<Record> before = storedParents(tx, recordKey(record));
                InvoiceLine stored = update(tx, record);
                touchParents(tx, List.of(stored), before);
                return stored;
            });
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
    public InvoiceLine updateChanged(InvoiceLine original, InvoiceLine changed) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(changed, "changed");
        try {
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                InvoiceLine stored = updateChanged(tx, original, changed);
                if (stored != original) {
                    touchParents(tx, List.of(original, stored), List.of());
                }
                return stored;
            });
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
    public InvoiceLine overwrite(InvoiceLine record) {
        Objects.requireNonNull(record, "record");
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            List<Record> before = storedParents(tx, recordKey(record));
            int rows = tx.update(TABLE)
                    .set(INVOICE_ID, record.invoiceId())
                    .set(PRODUCT, record.product())
                    .set(QUANTITY, record.quantity())
                    .set(LOCK_VERSION, LOCK_VERSION.plus(DSL.inline(1)))
                    .where(recordKey(record))
                    .and(LOCK_VERSION.lt(DSL.inline(Long.MAX_VALUE, LOCK_VERSION)))
                    .execute();
            if (!DESCRIPTOR.one(rows)) {
                throw DESCRIPTOR.missingOrOverflow(tx, keyValues(record));
            }
            touchParents(tx, List.of(record), before);
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
     */
    public InvoiceLine modify(long id, UnaryOperator<InvoiceLine> change) {
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
    public List<InvoiceLine> updateAll(List<InvoiceLine> records) {
        List<InvoiceLine> input = Arguments.elements(records, "records");
        for (InvoiceLine record : input) {
            checkOverflow(record);
        }
        if (input.isEmpty()) {
            return List.of();
        }
        try {
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                List<Record> before = storedParents(tx, input);
                int[] rows = Sql.updateRow.executeBatch(tx, input, (values, record) -> values
                        .setLong(INVOICE_ID, record.invoiceId())
                        .setString(PRODUCT, record.product())
                        .setInt(QUANTITY, record.quantity())
                        .setLong(ID, record.id())
                        .setLong(LOCK_VERSION, record.lockVersion()));
                List<StaleRecordException> conflicts = new ArrayList<>();
                List<InvoiceLine> written = new ArrayList<>(input.size());
                for (int i = 0; i < rows.length; i++) {
                    InvoiceLine record = input.get(i);
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
                touchParents(tx, input, before);
                return List.copyOf(written);
            });
        } catch (RuntimeException e) {
            throw DESCRIPTOR.seen(dsl, ConflictEvent.Operation.UPDATE_ALL, List.of(),
                    Batches.refused(e));
        }
    }

    /**
     * Deletes the row if, and only if, it still has the record's version: {@code DELETE FROM
     * invoice_line WHERE <key> AND lock_version = ?}.
     *
     * @param record the record, as read
     * @throws StaleRecordException if the row was changed or deleted since; nothing is deleted
     * @throws NullPointerException if {@code record} or its key is null
     */
    public void delete(InvoiceLine record) {
        Objects.requireNonNull(record, "record");
        try {
            dsl.transaction(configuration -> {
                DSLContext tx = DSL.using(configuration);
                delete(tx, record);
                touchParents(tx, List.of(record), List.of());
            });
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
    public void deleteAll(List<InvoiceLine> records) {
        List<InvoiceLine> input = Arguments.elements(records, "records");
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
                    InvoiceLine record = input.get(i);
                    if (!DESCRIPTOR.one(rows[i])) {
                        conflicts.add(DESCRIPTOR.stale(tx, record, record.lockVersion(),
                                StaleRecordException.Operation.DELETE, i));
                    }
                }
                if (!conflicts.isEmpty()) {
                    throw new StaleBatchException(conflicts);
                }
                touchParents(tx, input, List.of());
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
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            List<Record> before = storedParents(tx, keyCondition(id));
            if (!DESCRIPTOR.one(tx.deleteFrom(TABLE).where(keyCondition(id)).execute())) {
                return false;
            }
            touchParents(tx, List.of(), before);
            return true;
        });
    }

    /**
     * Adds {@code delta} to {@code quantity} atomically and increments the version, with no version
     * check: {@code UPDATE invoice_line SET quantity = COALESCE(quantity, 0) + ?, lock_version =
     * lock_version + 1 WHERE <key>}.
     *
     * <p>Nothing is written when the increment would take the version, or an integer counter,
     * beyond the range of its Java type.
     *
     * @param id the key component {@code id}
     * @param delta the amount to add (negative to subtract)
     * @return true if a row with that key was found
     * @throws VersionOverflowException if the version is already the largest value of its type
     * @throws DataAccessException if the counter would leave the range of its type
     */
    public boolean incrementQuantity(long id, int delta) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            List<Record> before = storedParents(tx, keyCondition(id));
            int rows = tx.update(TABLE)
                    .set(QUANTITY, QUANTITY.plus(delta))
                    .set(LOCK_VERSION, LOCK_VERSION.plus(DSL.inline(1)))
                    .where(keyCondition(id))
                    .and(LOCK_VERSION.lt(DSL.inline(Long.MAX_VALUE, LOCK_VERSION)))
                    .and(delta >= 0
                            ? QUANTITY.le(Integer.MAX_VALUE - delta)
                            : QUANTITY.ge(Integer.MIN_VALUE - delta))
                    .execute();
            if (DESCRIPTOR.one(rows)) {
                touchParents(tx, List.of(), before);
                return true;
            }
            return DESCRIPTOR.incrementRefused(tx, QUANTITY, delta, keyValues(id));
        });
    }

    /**
     * Increments the version and writes no other column, if, and only if, the row still has the
     * record's version: {@code UPDATE invoice_line SET lock_version = lock_version + 1 WHERE <key>
     * AND lock_version = ?}.
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
    public InvoiceLine touch(InvoiceLine record) {
        Objects.requireNonNull(record, "record");
        try {
            checkOverflow(record);
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                InvoiceLine stored = touch(tx, record);
                touchParents(tx, List.of(stored), List.of());
                return stored;
            });
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
    public Optional<InvoiceLine> findByIdForUpdate(long id) {
        return findForUpdate(dsl, id);
    }

    /**
     * Builds a {@link InvoiceLine} from a jOOQ record that holds this table's columns, by calling
     * its canonical constructor. The repository maps its own queries with it; custom queries can
     * too, for example {@code
     * dsl.select(...).from(TABLE).where(...).fetch(InvoiceLineRepository::fromRecord)}.
     *
     * @param record a record with every column constant of this class
     * @return the record
     * @throws NullPointerException if {@code record} is null
     * @throws DataAccessException if a column of a primitive component is NULL
     */
    public static InvoiceLine fromRecord(Record record) {
        Objects.requireNonNull(record, "record");
        return new InvoiceLine(
                DESCRIPTOR.notNull(record.get(ID), ID),
                record.get(INVOICE_ID),
                record.get(PRODUCT),
                DESCRIPTOR.notNull(record.get(QUANTITY), QUANTITY),
                DESCRIPTOR.notNull(record.get(LOCK_VERSION), LOCK_VERSION));
    }

    private static InvoiceLine insert(DSLContext ctx, InvoiceLine record) {
        long version = record.lockVersion();
        Sql.insertRow.execute(ctx, values -> values
                .setLong(ID, record.id())
                .setLong(INVOICE_ID, record.invoiceId())
                .setString(PRODUCT, record.product())
                .setInt(QUANTITY, record.quantity())
                .setLong(LOCK_VERSION, version));
        return withVersion(record, version);
    }

    private static Optional<InvoiceLine> find(DSLContext ctx, long id) {
        return Sql.selectRow.fetchOptional(
                ctx,
                values -> values
                        .setLong(ID, id),
                InvoiceLineRepository::readRow,
                InvoiceLineRepository::fromRecord);
    }

    private static InvoiceLine update(DSLContext ctx, InvoiceLine record) {
        checkOverflow(record);
        int rows;
        try {
            rows = Sql.updateRow.execute(ctx, values -> values
                    .setLong(INVOICE_ID, record.invoiceId())
                    .setString(PRODUCT, record.product())
                    .setInt(QUANTITY, record.quantity())
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

    private static InvoiceLine updateChanged(DSLContext ctx, InvoiceLine original,
            InvoiceLine changed) {
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
                    values.setLong(INVOICE_ID, changed.invoiceId());
                }
                if ((changes & 1L << 1) != 0L) {
                    values.setString(PRODUCT, changed.product());
                }
                if ((changes & 1L << 2) != 0L) {
                    values.setInt(QUANTITY, changed.quantity());
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
    private static long changedColumns(InvoiceLine original, InvoiceLine changed) {
        long changes = 0L;
        if (!Objects.equals(original.invoiceId(), changed.invoiceId())) {
            changes |= 1L;
        }
        if (!Objects.equals(original.product(), changed.product())) {
            changes |= 1L << 1;
        }
        if (original.quantity() != changed.quantity()) {
            changes |= 1L << 2;
        }
        return changes;
    }

    private static InvoiceLine modify(DSLContext ctx, long id, boolean lockingRead,
            UnaryOperator<InvoiceLine> change) {
        InvoiceLine current = (lockingRead ? findForUpdate(ctx, id) : find(ctx, id))
                .orElseThrow(() -> DESCRIPTOR.notFound(keyValues(id)));
        InvoiceLine changed = change.apply(current);
        if (changed == null) {
            throw new NullPointerException("the change passed to modify returned null for key "
                    + keyValues(current));
        }
        if (!sameKey(current, changed)) {
            throw new IllegalArgumentException(
                    "the change passed to modify must not change the key, but changed "
                            + keyValues(current) + " to " + keyValues(changed));
        }
        InvoiceLine stored = updateChanged(ctx, current, changed);
        if (stored != current) {
            touchParents(ctx, List.of(current, stored), List.of());
        }
        return stored;
    }

    private static void delete(DSLContext ctx, InvoiceLine record) {
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

    private static InvoiceLine touch(DSLContext ctx, InvoiceLine record) {
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
    private static Optional<InvoiceLine> findForUpdate(DSLContext ctx, long id) {
        return Sql.lockRow.fetchOptional(
                ctx,
                values -> values
                        .setLong(ID, id),
                InvoiceLineRepository::readRow,
                InvoiceLineRepository::fromRecord);
    }

    /**
     * Reads a row of {@code Sql.selectRow}: every column has a type that jOOQ reads with the plain
     * JDBC getter.
     */
    private static InvoiceLine readRow(ResultSet rs) throws SQLException {
        return new InvoiceLine(
                Jdbc.getLong(rs, 1, TABLE, ID),
                Jdbc.getLongOrNull(rs, 2),
                rs.getString(3),
                Jdbc.getInt(rs, 4, TABLE, QUANTITY),
                Jdbc.getLong(rs, 5, TABLE, LOCK_VERSION));
    }

    private static Condition keyCondition(long id) {
        return ID.eq(id);
    }

    private static Condition recordKey(InvoiceLine record) {
        return keyCondition(record.id());
    }

    private static long nextVersion(long expected) {
        return expected + 1;
    }

    private static InvoiceLine withVersion(InvoiceLine record, long version) {
        return new InvoiceLine(record.id(), record.invoiceId(), record.product(), record.quantity(),
                version);
    }

    private static List<Object> keyValues(long id) {
        return Arrays.<Object>asList(id);
    }

    private static List<Object> keyValues(InvoiceLine record) {
        return keyValues(record.id());
    }

    private static boolean sameKey(InvoiceLine a, InvoiceLine b) {
        return a.id() == b.id();
    }

    private static void checkOverflow(InvoiceLine record) {
        if (record.lockVersion() >= Long.MAX_VALUE) {
            throw DESCRIPTOR.overflow(record, record.lockVersion());
        }
    }

    /**
     * Touches, once each, the parents that {@code records} and the {@code stored} rows name.
     */
    private static void touchParents(DSLContext ctx, List<InvoiceLine> records,
            List<Record> stored) {
        List<Long> invoiceIdKeys = new ArrayList<>(records.size() + stored.size());
        for (InvoiceLine record : records) {
            invoiceIdKeys.add(record.invoiceId());
        }
        for (Record row : stored) {
            invoiceIdKeys.add(row.get(INVOICE_ID));
        }
        ParentTouches.INVOICE_ID.touchAll(ctx, invoiceIdKeys);
    }

    /**
     * The {@code @Touch} columns of the rows that match {@code where}, as now committed (a locking
     * read, also a current read at REPEATABLE READ): the parents a write that replaces them must
     * also touch.
     */
    private static List<Record> storedParents(DSLContext ctx, Condition where) {
        SelectConditionStep<Record> select =
                ctx.select(List.of(INVOICE_ID)).from(TABLE).where(where);
        return Locking.forUpdate(ctx, select).fetch();
    }

    /**
     * The {@code @Touch} columns of the rows with the keys of {@code records}, as now stored, read
     * with a lock, 500 rows per statement.
     */
    private static List<Record> storedParents(DSLContext ctx, List<InvoiceLine> records) {
        List<Record> stored = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += 500) {
            List<Condition> keys = new ArrayList<>();
            for (InvoiceLine record : records.subList(from, Math.min(records.size(), from + 500))) {
                keys.add(recordKey(record));
            }
            stored.addAll(storedParents(ctx, DSL.or(keys)));
        }
        return stored;
    }

    /**
     * The table, with one field per column.
     */
    private static final class RepositoryTable extends TableImpl<Record> {
        private static final long serialVersionUID = 1L;

        private RepositoryTable() {
            super(DSL.name("invoice_line"));
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
        static final List<Field<?>> ALL = List.of(ID, INVOICE_ID, PRODUCT, QUANTITY, LOCK_VERSION);

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
                        .set(INVOICE_ID, p.of(INVOICE_ID))
                        .set(PRODUCT, p.of(PRODUCT))
                        .set(QUANTITY, p.of(QUANTITY))
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
                        .set(INVOICE_ID, p.of(INVOICE_ID))
                        .set(PRODUCT, p.of(PRODUCT))
                        .set(QUANTITY, p.of(QUANTITY))
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
                set.put(INVOICE_ID, p.of(INVOICE_ID));
            }
            if ((columns & 1L << 1) != 0L) {
                set.put(PRODUCT, p.of(PRODUCT));
            }
            if ((columns & 1L << 2) != 0L) {
                set.put(QUANTITY, p.of(QUANTITY));
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

    /**
     * The parents that writes of this table touch, one per {@code @Touch} component.
     */
    private static final class ParentTouches {
        /**
         * Touches {@code billing.invoice} through component {@code invoiceId}.
         */
        static final ParentTouch<Long, Integer> INVOICE_ID = ParentTouch.counting(
            DSL.table(DSL.name("billing", "invoice")),
            DSL.field(DSL.name("id"), SQLDataType.BIGINT),
            DSL.field(DSL.name("lock_version"), SQLDataType.INTEGER),
            Integer.MAX_VALUE,
            false,
            "invoice_line.invoice_id");

        private ParentTouches() {
        }
    }
}
