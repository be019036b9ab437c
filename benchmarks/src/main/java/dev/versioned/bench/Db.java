package dev.versioned.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.SQLDialect;

/** A benchmarked database: its pooled data source, its jOOQ dialect, and the table. */
final class Db implements AutoCloseable {
  static final String H2 = "h2";
  static final String POSTGRESQL = "postgresql";

  private static final AtomicInteger H2_DATABASES = new AtomicInteger();
  private static final String POSTGRESQL_URL =
      System.getProperty(
          "versioned.bench.postgresql.url",
          "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  final String name;
  final SQLDialect dialect;
  final HikariDataSource dataSource;

  private Db(String name, SQLDialect dialect, String url) {
    this.name = name;
    this.dialect = dialect;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setPoolName("bench-" + name);
    if (POSTGRESQL.equals(name)) {
      // Commits do not wait for the WAL to reach the disk: a commit's fsync takes milliseconds
      // that vary with other processes' I/O and would drown the differences measured here.
      config.setConnectionInitSql("SET synchronous_commit = off");
    }
    this.dataSource = new HikariDataSource(config);
  }

  /**
   * Opens a database with an empty {@code bench_post} table.
   *
   * @param name {@link #H2} (a new in-memory database) or {@link #POSTGRESQL}
   */
  static Db open(String name) {
    Db db;
    switch (name) {
      case H2:
        db =
            new Db(
                name,
                SQLDialect.H2,
                "jdbc:h2:mem:bench" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        break;
      case POSTGRESQL:
        String reason = postgresqlUnavailable();
        if (reason != null) {
          throw new IllegalStateException("PostgreSQL not run: " + reason);
        }
        db = new Db(name, SQLDialect.POSTGRES, POSTGRESQL_URL);
        break;
      default:
        throw new IllegalArgumentException("unknown database " + name);
    }
    db.createTable();
    return db;
  }

  /** Null when PostgreSQL answers, else why not. */
  static String postgresqlUnavailable() {
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(POSTGRESQL_URL)) {
      return c.isValid(3) ? null : "connection not valid";
    } catch (SQLException e) {
      return POSTGRESQL_URL + " does not answer (" + e.getMessage() + ")";
    }
  }

  private void createTable() {
    sql("DROP TABLE IF EXISTS \"bench_post\"");
    sql(
        "CREATE TABLE \"bench_post\" (\"id\" BIGINT NOT NULL PRIMARY KEY, \"title\" VARCHAR(200),"
            + " \"body\" VARCHAR(2000), \"views\" INTEGER NOT NULL,"
            + " \"lock_version\" INTEGER NOT NULL)");
  }

  void sql(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Inserts rows {@code first .. first + count - 1}, as {@link BenchPost#fresh}, with JDBC. */
  void seed(long first, int count) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO \"bench_post\" (\"id\", \"title\", \"body\", \"views\","
                    + " \"lock_version\") VALUES (?, ?, ?, ?, ?)")) {
      for (long id = first; id < first + count; id++) {
        BenchPost p = BenchPost.fresh(id);
        ps.setLong(1, p.id());
        ps.setString(2, p.title());
        ps.setString(3, p.body());
        ps.setInt(4, p.views());
        ps.setInt(5, p.lockVersion());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deletes the rows whose key is at least {@code first}. */
  void deleteFrom(long first) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM \"bench_post\" WHERE \"id\" >= ?")) {
      ps.setLong(1, first);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    String url = dataSource.getJdbcUrl();
    dataSource.close();
    if (H2.equals(name)) {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN"); // frees the in-memory database
      } catch (SQLException closed) {
        // already gone
      }
    }
  }
}
