package dev.versioned.support;

import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.SelectForUpdateStep;

/**
 * The locking read of a row, rendered for each database with jOOQ: {@code SELECT ... FOR UPDATE}
 * where the database locks rows, a plain read where it cannot.
 *
 * <ul>
 *   <li>PostgreSQL, MySQL, MariaDB, H2, HSQLDB: {@code FOR UPDATE}. On InnoDB (MySQL, MariaDB) a
 *       locking read is also a <em>current</em> read: it sees the row as now committed, not as the
 *       transaction's REPEATABLE READ snapshot saw it.
 *   <li>Derby: {@code FOR UPDATE WITH RS}. A plain {@code FOR UPDATE} holds its update lock only
 *       while the cursor stands on the row at Derby's default READ COMMITTED; read stability keeps
 *       it until the transaction ends.
 *   <li>SQLite has no row locks (one writer at a time locks the whole database): the read is a
 *       plain read. A transaction that reads a row and then writes it serializes with other writers
 *       through that database lock; a writer that lost the race is refused with {@code
 *       SQLITE_BUSY}.
 * </ul>
 */
public final class Locking {
  private Locking() {}

  /**
   * Whether the database takes row locks for {@link #forUpdate}.
   *
   * @param dialect the dialect
   * @return false for SQLite, true otherwise
   */
  public static boolean locksRows(SQLDialect dialect) {
    return dialect.family() != SQLDialect.SQLITE;
  }

  /**
   * Makes a query a locking read for the context's database: the rows it returns stay locked
   * against other writers until the transaction ends (outside a transaction, until the statement
   * ends).
   *
   * @param ctx the context whose dialect renders the query
   * @param select the query, up to its {@code WHERE} (or {@code ORDER BY}/{@code LIMIT}) clause
   * @param <R> the record type
   * @return the locking query
   */
  public static <R extends Record> ResultQuery<R> forUpdate(
      DSLContext ctx, SelectForUpdateStep<R> select) {
    Objects.requireNonNull(select, "select");
    switch (ctx.dialect().family()) {
      case SQLITE:
        return select;
      case DERBY:
        return select.forUpdate().option("WITH RS");
      default:
        return select.forUpdate();
    }
  }
}
