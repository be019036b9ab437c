package p;

import dev.versioned.ConflictEvent;
import dev.versioned.RetryPolicy;
import dev.versioned.StaleBatchException;
import dev.versioned.StaleRecordException;
import dev.versioned.VersionOverflowException;
import dev.versioned.support.Arguments;
import dev.versioned.support.Batches;
import dev.versioned.support.CachedStatement;
import dev.versioned.support.Locking;
import dev.versioned.support.RepositoryDescriptor;
import dev.versioned.support.Retry;
import java.math.BigDecimal;
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
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.NoDataFoundException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * Optimistic-locking repository of {@link OrderLine}, on table {@code shop.order_line}.
 *
 * <p>Writes compare and increment the version column {@code revision}: a write based on a stale
 * copy throws {@link StaleRecordException} and changes nothing. Instances are immutable and
 * thread-safe; share one per {@link DSLContext}.
 */
@Generated("dev.versioned.processor.VersionedProcessor")
public final class OrderLineRepository {
    /**
     * The table {@code shop.order_line}; its fields are the column constants below.
     */
    public static final Table<Record> TABLE = new RepositoryTable();

    /**
     * Key column {@code order_id}, of component {@code OrderLine.orderId}.
     */
    public static final Field<Long> ORDER_ID = RepositoryTable.column(TABLE, "order_id",
            SQLDataType.BIGINT);

    /**
     * Key column {@code line_no}, of component {@code OrderLine.lineNo}.
     */
    public static final Field<Integer> LINE_NO = RepositoryTable.column(TABLE, "line_no",
            SQLDataType.INTEGER);

    /**
     * Column {@code product}, of component {@code OrderLine.product}.
     */
    public static final Field<String> PRODUCT = RepositoryTable.column(TABLE, "product",
            SQLDataType.VARCHAR);

    /**
     * Column {@code qty}, of component {@code OrderLine.quantity}.
     */
    public static final Field<Integer> QUANTITY = RepositoryTable.column(TABLE, "qty",
            SQLDataType.INTEGER.nullable(false));

    /**
     * Column {@code price}, of component {@code OrderLine.price}.
     */
    public static final Field<BigDecimal> PRICE = RepositoryTable.column(TABLE, "price",
            SQLDataType.NUMERIC);

    /**
     * Version column {@code revision}, of component {@code OrderLine.revision}.
     */
    public static final Field<Long> REVISION = RepositoryTable.column(TABLE, "revision",
            SQLDataType.BIGINT);

    /**
     * The table, key and version as this repository's exceptions name them.
     */
    private static final RepositoryDescriptor<OrderLine> DESCRIPTOR =
            RepositoryDescriptor.counting(TABLE, List.of(ORDER_ID, LINE_NO), REVISION,
                    Long.MAX_VALUE, OrderLineRepository::keyValues);

    private final DSLContext dsl;

    private final RetryPolicy retry;

    /**
     * Creates a repository that retries {@code modify} with {@link RetryPolicy#DEFAULT}.
     *
     * @param dsl the jOOQ context to run statements with
     */
    public OrderLineRepository(DSLContext dsl) {
        this(dsl, RetryPolicy.DEFAULT);
    }

    /**
     * Creates a repository.
     *
     * @param dsl the jOOQ context to run statements with
     * @param retry how {@code modify} retries after a conflict
     */
    public OrderLineRepository(DSLContext dsl, RetryPolicy retry) {
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
    public OrderLine insert(OrderLine record) {
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
    public List<OrderLine> insertAll(Collection<OrderLine> records) {
        List<OrderLine> input = Arguments.elements(records, "records");
        if (input.isEmpty()) {
            return List.of();
        }
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            List<OrderLine> stored = new ArrayList<>(input.size());
            for (OrderLine record : input) {
                stored.add(insert(tx, record));
            }
            return List.copyOf(stored);
        });
    }

    /**
     * Reads the row with the given key.
     *
     * @param orderId the key component {@code orderId}
     * @param lineNo the key component {@code lineNo}
     * @return the record, or empty when no row has that key
     * @throws NullPointerException if a key argument is null
     */
    public Optional<OrderLine> findById(Long orderId, Integer lineNo) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineNo, "lineNo");
        return find(dsl, orderId, lineNo);
    }

    /**
     * Reads every row of the table.
     *
     * @return the records, in the database's order
     */
    public List<OrderLine> findAll() {
        return dsl.select(Columns.ALL).from(TABLE).fetch(OrderLineRepository::fromRecord);
    }

    /**
     * Reads the rows that match a condition, built from this class's column constants.
     *
     * @param where the condition, for example {@code ORDER_ID.eq(...)}
     * @return the matching records
     * @throws NullPointerException if {@code where} is null
     */
    public List<OrderLine> findAll(Condition where) {
        Objects.requireNonNull(where, "where");
        return dsl.select(Columns.ALL).from(TABLE).where(where)
                .fetch(OrderLineRepository::fromRecord);
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
     * and increments the version: {@code UPDATE shop.order_line SET ..., revision = revision + 1
     * WHERE <key> AND revision = ?}. The argument is not changed.
     *
     * @param record the record, as read (with the version it was read at)
     * @return a new record equal to {@code record} but with the incremented version
     * @throws StaleRecordException if the row was changed or deleted since; nothing is written
     * @throws VersionOverflowException if the version is already the largest value of its type
     * @throws NullPointerException if {@code record} or its key is null
     */
    public OrderLine update(OrderLine record) {
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
    public OrderLine updateChanged(OrderLine original, OrderLine changed) {
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
    public OrderLine overwrite(OrderLine record) {
        Objects.requireNonNull(record, "record");
        checkKey(record, "record");
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            int rows = tx.update(TABLE)
                    .set(PRODUCT, record.product())
                    .set(QUANTITY, record.quantity())
                    .set(PRICE, record.price())
                    .set(REVISION, DSL.coalesce(REVISION, DSL.inline(0L, REVISION))
                            .plus(DSL.inline(1)))
                    .where(recordKey(record))
                    .and(REVISION.isNull().or(REVISION.lt(DSL.inline(Long.MAX_VALUE, REVISION))))
                    .execute();
            if (!DESCRIPTOR.one(rows)) {
                throw DESCRIPTOR.missingOrOverflow(tx, keyValues(record));
            }
            return withVersion(record, tx.select(REVISION).from(TABLE)
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
     * @param orderId the key component {@code orderId}
     * @param lineNo the key component {@code lineNo}
     * @param change the change; it may run more than once, so it should have no side effects
     * @return the record as stored
     * @throws NoDataFoundException if no row has that key
     * @throws IllegalArgumentException if {@code change} changes the key
     * @throws StaleRecordException if every attempt met a conflict
     * @throws NullPointerException if a key argument is null
     */
    public OrderLine modify(Long orderId, Integer lineNo, UnaryOperator<OrderLine> change) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineNo, "lineNo");
        Objects.requireNonNull(change, "change");
        return Retry.run(retry, dsl, TABLE, keyValues(orderId, lineNo),
                (ctx, lockingRead) -> modify(ctx, orderId, lineNo, lockingRead, change));
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
    public List<OrderLine> updateAll(List<OrderLine> records) {
        List<OrderLine> input = Arguments.elements(records, "records");
        for (OrderLine record : input) {
            checkKey(record, "records");
            checkOverflow(record);
        }
        if (input.isEmpty()) {
            return List.of();
        }
        try {
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                int[] rows = CachedStatement.executeBatch(
                        tx,
                        input.size(),
                        i -> input.get(i).revision() == null ? Sql.updateNullVersionRow
                                : Sql.updateRow,
                        (values, i) -> {
                            OrderLine record = input.get(i);
                            if (record.revision() == null) {
                                values
                                        .setString(PRODUCT, record.product())
                                        .setInt(QUANTITY, record.quantity())
                                        .set(PRICE, record.price())
                                        .setLong(ORDER_ID, record.orderId())
                                        .setInt(LINE_NO, record.lineNo());
                            } else {
                                values
                                        .setString(PRODUCT, record.product())
                                        .setInt(QUANTITY, record.quantity())
                                        .set(PRICE, record.price())
                                        .setLong(ORDER_ID, record.orderId())
                                        .setInt(LINE_NO, record.lineNo())
                                        .setLong(REVISION, record.revision());
                            }
                        });
                List<StaleRecordException> conflicts = new ArrayList<>();
                List<OrderLine> written = new ArrayList<>(input.size());
                for (int i = 0; i < rows.length; i++) {
                    OrderLine record = input.get(i);
                    if (!DESCRIPTOR.one(rows[i])) {
                        conflicts.add(DESCRIPTOR.stale(tx, record, record.revision(),
                                StaleRecordException.Operation.UPDATE, i));
                    } else {
                        written.add(withVersion(record, nextVersion(record.revision())));
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
     * Deletes the row if, and only if, it still has the record's version: {@code DELETE FROM
     * shop.order_line WHERE <key> AND revision = ?}.
     *
     * @param record the record, as read
     * @throws StaleRecordException if the row was changed or deleted since; nothing is deleted
     * @throws NullPointerException if {@code record} or its key is null
     */
    public void delete(OrderLine record) {
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
    public void deleteAll(List<OrderLine> records) {
        List<OrderLine> input = Arguments.elements(records, "records");
        for (OrderLine record : input) {
            checkKey(record, "records");
        }
        if (input.isEmpty()) {
            return;
        }
        try {
            dsl.transaction(configuration -> {
                DSLContext tx = DSL.using(configuration);
                int[] rows = CachedStatement.executeBatch(
                        tx,
                        input.size(),
                        i -> input.get(i).revision() == null ? Sql.deleteNullVersionRow
                                : Sql.deleteRow,
                        (values, i) -> {
                            OrderLine record = input.get(i);
                            if (record.revision() == null) {
                                values
                                        .setLong(ORDER_ID, record.orderId())
                                        .setInt(LINE_NO, record.lineNo());
                            } else {
                                values
                                        .setLong(ORDER_ID, record.orderId())
                                        .setInt(LINE_NO, record.lineNo())
                                        .setLong(REVISION, record.revision());
                            }
                        });
                List<StaleRecordException> conflicts = new ArrayList<>();
                for (int i = 0; i < rows.length; i++) {
                    OrderLine record = input.get(i);
                    if (!DESCRIPTOR.one(rows[i])) {
                        conflicts.add(DESCRIPTOR.stale(tx, record, record.revision(),
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
     * @param orderId the key component {@code orderId}
     * @param lineNo the key component {@code lineNo}
     * @return true if a row was deleted
     * @throws NullPointerException if a key argument is null
     */
    public boolean deleteById(Long orderId, Integer lineNo) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineNo, "lineNo");
        return DESCRIPTOR.one(dsl.deleteFrom(TABLE).where(keyCondition(orderId, lineNo)).execute());
    }

    /**
     * Adds {@code delta} to {@code qty} atomically and increments the version, with no version
     * check: {@code UPDATE shop.order_line SET qty = COALESCE(qty, 0) + ?, revision = revision + 1
     * WHERE <key>}.
     *
     * <p>Nothing is written when the increment would take the version, or an integer counter,
     * beyond the range of its Java type.
     *
     * @param orderId the key component {@code orderId}
     * @param lineNo the key component {@code lineNo}
     * @param delta the amount to add (negative to subtract)
     * @return true if a row with that key was found
     * @throws VersionOverflowException if the version is already the largest value of its type
     * @throws DataAccessException if the counter would leave the range of its type
     * @throws NullPointerException if a key argument is null
     */
    public boolean incrementQuantity(Long orderId, Integer lineNo, int delta) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineNo, "lineNo");
        int rows = dsl.update(TABLE)
                .set(QUANTITY, QUANTITY.plus(delta))
                .set(REVISION, DSL.coalesce(REVISION, DSL.inline(0L, REVISION)).plus(DSL.inline(1)))
                .where(keyCondition(orderId, lineNo))
                .and(REVISION.isNull().or(REVISION.lt(DSL.inline(Long.MAX_VALUE, REVISION))))
                .and(delta >= 0
                        ? QUANTITY.le(Integer.MAX_VALUE - delta)
                        : QUANTITY.ge(Integer.MIN_VALUE - delta))
                .execute();
        if (DESCRIPTOR.one(rows)) {
            return true;
        }
        return DESCRIPTOR.incrementRefused(dsl, QUANTITY, delta, keyValues(orderId, lineNo));
    }

    /**
     * Increments the version and writes no other column, if, and only if, the row still has the
     * record's version: {@code UPDATE shop.order_line SET revision = revision + 1 WHERE <key> AND
     * revision = ?}.
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
    public OrderLine touch(OrderLine record) {
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
     * @param orderId the key component {@code orderId}
     * @param lineNo the key component {@code lineNo}
     * @return the record, or empty when no row has that key
     * @throws NullPointerException if a key argument is null
     */
    public Optional<OrderLine> findByIdForUpdate(Long orderId, Integer lineNo) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineNo, "lineNo");
        return findForUpdate(dsl, orderId, lineNo);
    }

    /**
     * Builds a {@link OrderLine} from a jOOQ record that holds this table's columns, by calling its
     * canonical constructor. The repository maps its own queries with it; custom queries can too,
     * for example {@code
     * dsl.select(...).from(TABLE).where(...).fetch(OrderLineRepository::fromRecord)}.
     *
     * @param record a record with every column constant of this class
     * @return the record
     * @throws NullPointerException if {@code record} is null
     * @throws DataAccessException if a column of a primitive component is NULL
     */
    public static OrderLine fromRecord(Record record) {
        Objects.requireNonNull(record, "record");
        return new OrderLine(
                record.get(ORDER_ID),
                record.get(LINE_NO),
                record.get(PRODUCT),
                DESCRIPTOR.notNull(record.get(QUANTITY), QUANTITY),
                record.get(PRICE),
                record.get(REVISION));
    }

    private static OrderLine insert(DSLContext ctx, OrderLine record) {
        Long version = record.revision() == null ? 0L : record.revision();
        if (record.orderId() == null || record.lineNo() == null) {
            InsertSetMoreStep<Record> insert = ctx.insertInto(TABLE)
                    .set(REVISION, version)
                    .set(PRODUCT, record.product())
                    .set(QUANTITY, record.quantity())
                    .set(PRICE, record.price());
            if (record.orderId() != null) {
                insert = insert.set(ORDER_ID, record.orderId());
            }
            if (record.lineNo() != null) {
                insert = insert.set(LINE_NO, record.lineNo());
            }
            Record generated = insert.returningResult(ORDER_ID, LINE_NO).fetchOne();
            if (generated == null) {
                throw new DataAccessException(
                        "the database returned no generated key for shop.order_line");
            }
            return new OrderLine(record.orderId() != null ? record.orderId()
                    : generated.get(ORDER_ID), record.lineNo() != null ? record.lineNo()
                    : generated.get(LINE_NO), record.product(), record.quantity(), record.price(),
                    version);
        }
        Sql.insertRow.execute(ctx, values -> values
                .setLong(ORDER_ID, record.orderId())
                .setInt(LINE_NO, record.lineNo())
                .setString(PRODUCT, record.product())
                .setInt(QUANTITY, record.quantity())
                .set(PRICE, record.price())
                .setLong(REVISION, version));
        return withVersion(record, version);
    }

    private static Optional<OrderLine> find(DSLContext ctx, Long orderId, Integer lineNo) {
        return Sql.selectRow.fetchOptional(
                ctx,
                values -> values
                        .setLong(ORDER_ID, orderId)
                        .setInt(LINE_NO, lineNo),
                null,
                OrderLineRepository::fromRecord);
    }

    private static OrderLine update(DSLContext ctx, OrderLine record) {
        checkKey(record, "record");
        checkOverflow(record);
        int rows;
        try {
            rows = record.revision() == null
                    ? Sql.updateNullVersionRow.execute(ctx, values -> values
                            .setString(PRODUCT, record.product())
                            .setInt(QUANTITY, record.quantity())
                            .set(PRICE, record.price())
                            .setLong(ORDER_ID, record.orderId())
                            .setInt(LINE_NO, record.lineNo()))
                    : Sql.updateRow.execute(ctx, values -> values
                            .setString(PRODUCT, record.product())
                            .setInt(QUANTITY, record.quantity())
                            .set(PRICE, record.price())
                            .setLong(ORDER_ID, record.orderId())
                            .setInt(LINE_NO, record.lineNo())
                            .setLong(REVISION, record.revision()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.revision(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.revision(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(record, nextVersion(record.revision()));
    }

    private static OrderLine updateChanged(DSLContext ctx, OrderLine original, OrderLine changed) {
        checkKey(original, "original");
        checkKey(changed, "changed");
        if (!sameKey(original, changed)) {
            throw new IllegalArgumentException(
                    "original and changed must have the same key, but have " + keyValues(original)
                            + " and " + keyValues(changed));
        }
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        if (!Objects.equals(original.product(), changed.product())) {
            changes.put(PRODUCT, changed.product());
        }
        if (original.quantity() != changed.quantity()) {
            changes.put(QUANTITY, changed.quantity());
        }
        if (!Objects.equals(original.price(), changed.price())) {
            changes.put(PRICE, changed.price());
        }
        if (changes.isEmpty()) {
            return original;
        }
        checkOverflow(original);
        changes.put(REVISION, nextVersionField(original.revision()));
        int rows;
        try {
            rows = ctx.update(TABLE).set(changes)
                    .where(recordKey(original)).and(versionCondition(original.revision()))
                    .execute();
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, changed, original.revision(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, changed, original.revision(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(changed, nextVersion(original.revision()));
    }

    private static OrderLine modify(DSLContext ctx, Long orderId, Integer lineNo,
            boolean lockingRead, UnaryOperator<OrderLine> change) {
        OrderLine current = (lockingRead ? findForUpdate(ctx, orderId, lineNo) : find(ctx, orderId,
                lineNo)).orElseThrow(() -> DESCRIPTOR.notFound(keyValues(orderId, lineNo)));
        OrderLine changed = change.apply(current);
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

    private static void delete(DSLContext ctx, OrderLine record) {
        checkKey(record, "record");
        int rows;
        try {
            rows = record.revision() == null
                    ? Sql.deleteNullVersionRow.execute(ctx, values -> values
                            .setLong(ORDER_ID, record.orderId())
                            .setInt(LINE_NO, record.lineNo()))
                    : Sql.deleteRow.execute(ctx, values -> values
                            .setLong(ORDER_ID, record.orderId())
                            .setInt(LINE_NO, record.lineNo())
                            .setLong(REVISION, record.revision()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.revision(),
                    StaleRecordException.Operation.DELETE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.revision(),
                    StaleRecordException.Operation.DELETE, -1);
        }
    }

    private static OrderLine touch(DSLContext ctx, OrderLine record) {
        checkKey(record, "record");
        checkOverflow(record);
        int rows;
        try {
            rows = record.revision() == null
                    ? Sql.touchNullVersionRow.execute(ctx, values -> values
                            .setLong(ORDER_ID, record.orderId())
                            .setInt(LINE_NO, record.lineNo()))
                    : Sql.touchRow.execute(ctx, values -> values
                            .setLong(ORDER_ID, record.orderId())
                            .setInt(LINE_NO, record.lineNo())
                            .setLong(REVISION, record.revision()));
        } catch (RuntimeException e) {
            throw DESCRIPTOR.refused(e, record, record.revision(),
                    StaleRecordException.Operation.UPDATE);
        }
        if (!DESCRIPTOR.one(rows)) {
            throw DESCRIPTOR.stale(ctx, record, record.revision(),
                    StaleRecordException.Operation.UPDATE, -1);
        }
        return withVersion(record, nextVersion(record.revision()));
    }

    /**
     * Reads the row with the given key with a locking read ({@link Locking#forUpdate}): on a
     * database with row locks the row stays locked until the transaction of {@code ctx} ends, and
     * InnoDB reads it as now committed even at REPEATABLE READ.
     */
    private static Optional<OrderLine> findForUpdate(DSLContext ctx, Long orderId, Integer lineNo) {
        return Sql.lockRow.fetchOptional(
                ctx,
                values -> values
                        .setLong(ORDER_ID, orderId)
                        .setInt(LINE_NO, lineNo),
                null,
                OrderLineRepository::fromRecord);
    }

    private static Condition keyCondition(Long orderId, Integer lineNo) {
        return ORDER_ID.eq(orderId)
                .and(LINE_NO.eq(lineNo));
    }

    private static Condition recordKey(OrderLine record) {
        return keyCondition(record.orderId(), record.lineNo());
    }

    private static Condition versionCondition(Long expected) {
        return expected == null ? REVISION.isNull() : REVISION.eq(expected);
    }

    private static Field<Long> nextVersionField(Long expected) {
        return expected == null ? DSL.inline(1L, REVISION) : REVISION.plus(DSL.inline(1));
    }

    private static Long nextVersion(Long expected) {
        return expected == null ? 1L : expected + 1;
    }

    private static OrderLine withVersion(OrderLine record, Long version) {
        return new OrderLine(record.orderId(), record.lineNo(), record.product(), record.quantity(),
                record.price(), version);
    }

    private static List<Object> keyValues(Long orderId, Integer lineNo) {
        return Arrays.<Object>asList(orderId, lineNo);
    }

    private static List<Object> keyValues(OrderLine record) {
        return keyValues(record.orderId(), record.lineNo());
    }

    private static boolean sameKey(OrderLine a, OrderLine b) {
        return Objects.equals(a.orderId(), b.orderId())
                && Objects.equals(a.lineNo(), b.lineNo());
    }

    private static void checkKey(OrderLine record, String parameter) {
        if (record.orderId() == null) {
            throw new NullPointerException(parameter + ": key component orderId is null");
        }
        if (record.lineNo() == null) {
            throw new NullPointerException(parameter + ": key component lineNo is null");
        }
    }

    private static void checkOverflow(OrderLine record) {
        if (record.revision() != null && record.revision() >= Long.MAX_VALUE) {
            throw DESCRIPTOR.overflow(record, record.revision());
        }
    }

    /**
     * The table, with one field per column.
     */
    private static final class RepositoryTable extends TableImpl<Record> {
        private static final long serialVersionUID = 1L;

        private RepositoryTable() {
            super(DSL.name("order_line"), DSL.schema(DSL.name("shop")));
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
        static final List<Field<?>> ALL = List.of(ORDER_ID, LINE_NO, PRODUCT, QUANTITY, PRICE,
                REVISION);

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
                        .set(ORDER_ID, p.of(ORDER_ID))
                        .set(LINE_NO, p.of(LINE_NO))
                        .set(PRODUCT, p.of(PRODUCT))
                        .set(QUANTITY, p.of(QUANTITY))
                        .set(PRICE, p.of(PRICE))
                        .set(REVISION, p.of(REVISION)));

        /**
         * Reads the row with a key.
         */
        static final CachedStatement selectRow = CachedStatement.of(
                (ctx, p) -> ctx.select(Columns.ALL)
                        .from(TABLE)
                        .where(ORDER_ID.eq(p.of(ORDER_ID)))
                        .and(LINE_NO.eq(p.of(LINE_NO))));

        /**
         * Reads the row with a key with a locking read.
         */
        static final CachedStatement lockRow = CachedStatement.of(
                (ctx, p) -> Locking.forUpdate(ctx, ctx.select(Columns.ALL)
                        .from(TABLE)
                        .where(ORDER_ID.eq(p.of(ORDER_ID)))
                        .and(LINE_NO.eq(p.of(LINE_NO)))));

        /**
         * Compare-and-increment of every column, for a non-null version.
         */
        static final CachedStatement updateRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(PRODUCT, p.of(PRODUCT))
                        .set(QUANTITY, p.of(QUANTITY))
                        .set(PRICE, p.of(PRICE))
                        .set(REVISION, REVISION.plus(DSL.inline(1)))
                        .where(ORDER_ID.eq(p.of(ORDER_ID)))
                        .and(LINE_NO.eq(p.of(LINE_NO)))
                        .and(REVISION.eq(p.of(REVISION))));

        /**
         * Version-checked delete, for a non-null version.
         */
        static final CachedStatement deleteRow = CachedStatement.of(
                (ctx, p) -> ctx.deleteFrom(TABLE)
                        .where(ORDER_ID.eq(p.of(ORDER_ID)))
                        .and(LINE_NO.eq(p.of(LINE_NO)))
                        .and(REVISION.eq(p.of(REVISION))));

        /**
         * Version-checked increment of the version alone, for a non-null version.
         */
        static final CachedStatement touchRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(REVISION, REVISION.plus(DSL.inline(1)))
                        .where(ORDER_ID.eq(p.of(ORDER_ID)))
                        .and(LINE_NO.eq(p.of(LINE_NO)))
                        .and(REVISION.eq(p.of(REVISION))));

        /**
         * Compare-and-increment of every column, for a null version: v IS NULL, and the new version
         * is the first.
         */
        static final CachedStatement updateNullVersionRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(PRODUCT, p.of(PRODUCT))
                        .set(QUANTITY, p.of(QUANTITY))
                        .set(PRICE, p.of(PRICE))
                        .set(REVISION, DSL.inline(1L, REVISION))
                        .where(ORDER_ID.eq(p.of(ORDER_ID)))
                        .and(LINE_NO.eq(p.of(LINE_NO)))
                        .and(REVISION.isNull()));

        /**
         * Version-checked delete, for a null version (v IS NULL).
         */
        static final CachedStatement deleteNullVersionRow = CachedStatement.of(
                (ctx, p) -> ctx.deleteFrom(TABLE)
                        .where(ORDER_ID.eq(p.of(ORDER_ID)))
                        .and(LINE_NO.eq(p.of(LINE_NO)))
                        .and(REVISION.isNull()));

        /**
         * Version-checked increment of the version alone, for a null version: v IS NULL, and the
         * new version is the first.
         */
        static final CachedStatement touchNullVersionRow = CachedStatement.of(
                (ctx, p) -> ctx.update(TABLE)
                        .set(REVISION, DSL.inline(1L, REVISION))
                        .where(ORDER_ID.eq(p.of(ORDER_ID)))
                        .and(LINE_NO.eq(p.of(LINE_NO)))
                        .and(REVISION.isNull()));

        private Sql() {
        }
    }
}
