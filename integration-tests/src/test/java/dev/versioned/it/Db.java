package dev.versioned.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's database: a clean schema, a small HikariCP pool on it, and a jOOQ context that logs
 * the statements it runs. Closing it closes every pool it made and frees the database.
 */
final class Db implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  final TestDatabase database;
  final TestDatabase.Location location;
  /** The pool behind {@link #dsl}; batches answer SUCCESS_NO_INFO when so opened. */
  final DataSource dataSource;
  /** A context that logs its statements: see {@link #takeStatements()}. */
  final DSLContext dsl;

  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<String> statements = new ArrayList<>();

  Db(TestDatabase database, TestDatabase.Location location) {
    this(database, location, false);
  }

  /**
   * Wraps a location that holds the test schema with empty tables.
   *
   * @param hideRowCounts whether {@link #dsl}'s batches answer SUCCESS_NO_INFO
   */
  Db(TestDatabase database, TestDatabase.Location location, boolean hideRowCounts) {
    this.database = database;
    this.location = location;
    HikariDataSource pool = pool(4, config -> {});
    this.dataSource = hideRowCounts ? new NoInfoDataSource(pool) : pool;
    // Statements are recorded at the JDBC level rather than by an ExecuteListener: with a listener
    // the repositories let jOOQ run every statement, and the cached statements they run by
    // default would go untested on these databases.
    DataSource logged =
        new LoggingDataSource(
            dataSource,
            sql -> {
              synchronized (statements) {
                statements.add(sql);
              }
            });
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(database.dialect);
    configuration.set(new DataSourceConnectionProvider(logged));
    if (Boolean.getBoolean("versioned.it.jooqPath")) {
      // Any ExecuteListener makes the repositories let jOOQ run every statement itself: the
      // surefire execution "jooq-path" runs the semantic tests again this way.
      configuration.set(new org.jooq.ExecuteListener() {
        private static final long serialVersionUID = 1L;
      });
    }
    this.dsl = DSL.using(configuration);
  }

  /** A context on the same pool that logs nothing: "someone else" in a test. */
  DSLContext otherDsl() {
    return DSL.using(dataSource, database.dialect);
  }

  /**
   * A new HikariCP pool on this test's schema, closed with this object.
   *
   * @param size the maximum pool size
   * @param tuning changes to the configuration (isolation level, timeouts, ...)
   */
  HikariDataSource pool(int size, Consumer<HikariConfig> tuning) {
    HikariConfig config = location.hikari(database.label + "-" + (pools.size() + 1));
    config.setMaximumPoolSize(size);
    tuning.accept(config);
    HikariDataSource pool = new HikariDataSource(config);
    synchronized (pools) {
      pools.add(pool);
    }
    return pool;
  }

  /** A plain JDBC connection, outside every pool. */
  Connection connect() throws SQLException {
    return location.connect();
  }

  /**
   * Replaces table {@code post} with one of the same columns but no primary key and no NOT NULL,
   * empty: for tests of what the repository does with duplicate keys or NULLs.
   */
  void replacePostWithATableWithoutConstraints() {
    database.tablesReshaped();
    DSLContext ddl = otherDsl();
    ddl.dropTable(PostRepository.TABLE).execute();
    ddl.createTable(PostRepository.TABLE)
        .column(DSL.name("id"), SQLDataType.BIGINT)
        .column(DSL.name("title"), SQLDataType.VARCHAR(200))
        .column(DSL.name("views"), SQLDataType.INTEGER)
        .column(DSL.name("lock_version"), SQLDataType.INTEGER)
        .execute();
  }

  /**
   * Statements run since the last call, and forgets them; without quotes around names (jOOQ quotes
   * with back quotes on MariaDB, and only where needed on SQLite), so one assertion fits every
   * dialect.
   */
  List<String> takeStatements() {
    synchronized (statements) {
      List<String> copy =
          statements.stream().map(s -> s.replace("`", "").replace("\"", ""))
              .collect(Collectors.toList());
      statements.clear();
      return copy;
    }
  }

  @Override
  public void close() {
    synchronized (pools) {
      for (HikariDataSource pool : pools) {
        pool.close();
      }
      pools.clear();
    }
    location.destroy();
  }
}
