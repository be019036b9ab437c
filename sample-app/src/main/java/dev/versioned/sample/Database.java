package dev.versioned.sample;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/** The connection pool, the schema migrations and the jOOQ context, for one JDBC URL. */
final class Database implements AutoCloseable {

  /** The default: an in-memory H2 database that lives as long as this process. */
  static final String DEFAULT_URL = "jdbc:h2:mem:versioned-sample;DB_CLOSE_DELAY=-1";

  /**
   * Flyway's history table. Not Flyway's default name, so the sample can share a schema with an
   * application that keeps its own Flyway history.
   */
  static final String HISTORY_TABLE = "versioned_sample_schema_history";

  private final HikariDataSource pool;
  private final DSLContext dsl;
  private final String description;

  private Database(HikariDataSource pool, DSLContext dsl, String description) {
    this.pool = pool;
    this.dsl = dsl;
    this.description = description;
  }

  /** The jOOQ dialect of a JDBC URL, or {@link SQLDialect#DEFAULT} when the program can't run on it. */
  static SQLDialect dialect(String url) {
    SQLDialect dialect = JDBCUtils.dialect(url);
    return switch (dialect.family()) {
      case H2, POSTGRES, MARIADB, MYSQL -> dialect;
      default -> SQLDialect.DEFAULT;
    };
  }

  /** Whether the URL names an in-memory H2 database, which disappears with this process. */
  static boolean inMemory(String url) {
    return url.startsWith("jdbc:h2:mem:");
  }

  /**
   * Opens a pool of {@code size} connections and checks that the database answers.
   *
   * @throws IllegalStateException when no connection can be made, with the driver's reason
   */
  static Database open(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("versioned-sample");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(10_000);
    // Each database's default isolation level (READ COMMITTED on H2 and PostgreSQL, REPEATABLE
    // READ on MariaDB). An order runs modify inside its own transaction; when modify retries there
    // it rereads the row as the competing order committed it (on InnoDB with a locking read, which
    // sees past the transaction's snapshot), so no level needs to be forced here.
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot connect to " + url + ": " + rootMessage(e), e);
    }
    String description;
    try (Connection c = pool.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      description = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      pool.close();
      throw new IllegalStateException("cannot connect to " + url + ": " + rootMessage(e), e);
    }
    // The generated repositories name tables and columns with DSL.name(...), which jOOQ quotes by
    // default: "product". The migrations use unquoted names instead, so that one script runs on H2,
    // PostgreSQL and MariaDB (MariaDB takes "..." for a string unless ANSI_QUOTES is on). Rendering
    // names unquoted lets every database fold them the same way in the DDL and in the queries: H2 to
    // PRODUCT, PostgreSQL to product, MariaDB keeps product. (The other way out is quoted, lower-case
    // DDL, which would tie the migrations to databases that accept double quotes.)
    Settings settings =
        new Settings()
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withExecuteLogging(false);
    DSLContext dsl = DSL.using(pool, dialect(url), settings);
    return new Database(pool, dsl, description);
  }

  /** Applies the Flyway migrations in {@code db/migration} that this database has not seen yet. */
  MigrateResult migrate() {
    return Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .table(HISTORY_TABLE)
        // Through SLF4J, which slf4j-nop silences: the program prints its own one-line summary.
        .loggers("slf4j")
        // A schema that already holds other tables (a shared development database) gets a
        // baseline at version 0, so that V1 still runs, instead of Flyway refusing to start.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  DSLContext dsl() {
    return dsl;
  }

  /** The database product and version, as the driver reports them. */
  String description() {
    return description;
  }

  @Override
  public void close() {
    pool.close();
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
