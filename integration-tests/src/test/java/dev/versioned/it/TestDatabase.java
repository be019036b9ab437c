package dev.versioned.it;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The six databases the suite runs on: four embedded (always) and two servers (when they answer).
 *
 * <p>Each database knows its jOOQ dialect, how to connect, and its DDL: the one script {@code
 * schema.sql} in that database's column types ({@link SchemaScript}). {@link #open()} gives
 * every test a clean schema: a new in-memory (or temporary-file) database for H2, HSQLDB and
 * SQLite, where that is cheap. Derby (which takes most of a second to create a database) and the
 * servers keep one schema per JVM, created from the DDL on first use; before each later test
 * its tables are emptied, or dropped and created again after a test that changed their structure.
 * On the servers that schema (PostgreSQL) or database (MariaDB) belongs to this JVM alone, so
 * concurrent builds on one server do not meet.
 *
 * <p>Environment variables (defaults in brackets):
 *
 * <ul>
 *   <li>{@code VERSIONED_PG_URL} [{@code jdbc:postgresql://127.0.0.1:5432/test}], {@code
 *       VERSIONED_PG_USER} [{@code postgres}], {@code VERSIONED_PG_PASSWORD} [empty]
 *   <li>{@code VERSIONED_MARIADB_URL} [{@code jdbc:mariadb://127.0.0.1:3306/test}], {@code
 *       VERSIONED_MARIADB_USER} [{@code root}], {@code VERSIONED_MARIADB_PASSWORD} [empty]
 *   <li>{@code VERSIONED_REQUIRE_SERVERS} [{@code false}]: {@code true} turns an unreachable server
 *       from "skipped" into a failure
 *   <li>{@code VERSIONED_DATABASES} [all]: a comma-separated subset of labels to run, e.g. {@code
 *       h2,postgres}
 * </ul>
 */
enum TestDatabase {
  H2("h2", SQLDialect.H2, false, false) {
    @Override
    Location create() {
      String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      return new Location(this, url, "sa", "", null, new Properties(), "SHUTDOWN");
    }
  },

  HSQLDB("hsqldb", SQLDialect.HSQLDB, false, false) {
    @Override
    Location create() {
      String url = "jdbc:hsqldb:mem:" + UUID.randomUUID();
      return new Location(this, url, "SA", "", null, new Properties(), "SHUTDOWN");
    }
  },

  SQLITE("sqlite", SQLDialect.SQLITE, false, false) {
    @Override
    Location create() {
      Path file;
      try {
        Path dir = Path.of("target", "sqlite");
        Files.createDirectories(dir);
        file = Files.createTempFile(dir.toAbsolutePath(), "it-", ".db");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Properties p = new Properties();
      // Writers queue for up to 30 s instead of failing at once; WAL lets readers run beside
      // the single writer. Both are what an application on SQLite would configure.
      p.setProperty("busy_timeout", "30000");
      p.setProperty("journal_mode", "WAL");
      p.setProperty("synchronous", "NORMAL");
      Location location = new Location(this, "jdbc:sqlite:" + file, "", "", null, p, null);
      location.files.add(file);
      location.files.add(Path.of(file + "-wal"));
      location.files.add(Path.of(file + "-shm"));
      return location;
    }
  },

  DERBY("derby", SQLDialect.DERBY, false, true) {
    @Override
    Location create() {
      String name = "memory:it" + UUID.randomUUID().toString().replace("-", "");
      return new Location(this, "jdbc:derby:" + name + ";create=true", "", "", null,
          new Properties(), null);
    }
  },

  POSTGRES("postgres", SQLDialect.POSTGRES, true, true) {
    @Override
    Location create() {
      Properties p = new Properties();
      p.setProperty("connectTimeout", "5");
      return new Location(
          this,
          env("VERSIONED_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
          env("VERSIONED_PG_USER", "postgres"),
          env("VERSIONED_PG_PASSWORD", ""),
          ServerSchemas.name(this),
          p,
          null);
    }
  },

  MARIADB("mariadb", SQLDialect.MARIADB, true, true) {
    @Override
    Location create() {
      Properties p = new Properties();
      p.setProperty("connectTimeout", "5000");
      return new Location(
          this,
          env("VERSIONED_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"),
          env("VERSIONED_MARIADB_USER", "root"),
          env("VERSIONED_MARIADB_PASSWORD", ""),
          ServerSchemas.name(this),
          p,
          null);
    }
  };

  /**
   * The tables of {@code schema.sql}, dropped before each test on the servers; children before
   * the parents their foreign keys reference, the order they are emptied and dropped in.
   */
  static final List<String> TABLES =
      List.of(
          "stamped_line", "purchase_line", "purchase", "parcel", "shipment", "post", "account",
          "membership", "order", "everything", "stamp", "local_stamp", "offset_stamp");

  private static final Map<TestDatabase, Optional<String>> UNAVAILABLE = new ConcurrentHashMap<>();
  private static final Map<TestDatabase, Location> SHARED = new ConcurrentHashMap<>();
  private static final Map<TestDatabase, Boolean> RESHAPED = new ConcurrentHashMap<>();

  final String label;
  final SQLDialect dialect;
  final boolean server;
  /** One schema per JVM, emptied between tests, rather than a new database per test. */
  final boolean shared;

  TestDatabase(String label, SQLDialect dialect, boolean server, boolean shared) {
    this.label = label;
    this.dialect = dialect;
    this.server = server;
    this.shared = shared;
  }

  @Override
  public String toString() {
    return label;
  }

  /** Where to connect: a new embedded database, or this JVM's schema on a server. */
  abstract Location create();

  /** The databases selected with {@code VERSIONED_DATABASES}, all by default. */
  static List<TestDatabase> selected() {
    String only = env("VERSIONED_DATABASES", "");
    if (only.isBlank()) {
      return List.of(values());
    }
    List<String> labels =
        Arrays.stream(only.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
            .collect(Collectors.toList());
    List<TestDatabase> result = new ArrayList<>();
    for (TestDatabase db : values()) {
      if (labels.contains(db.label)) {
        result.add(db);
      }
    }
    return result;
  }

  static TestDatabase byLabel(String label) {
    for (TestDatabase db : values()) {
      if (db.label.equals(label)) {
        return db;
      }
    }
    throw new IllegalArgumentException("no database labelled " + label);
  }

  static boolean requireServers() {
    return Boolean.parseBoolean(env("VERSIONED_REQUIRE_SERVERS", "false"));
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  /**
   * Skips the calling test, with the reason, when this database is a server that does not answer;
   * fails it instead with {@code VERSIONED_REQUIRE_SERVERS=true}.
   */
  void assumeAvailable() {
    Optional<String> reason = UNAVAILABLE.computeIfAbsent(this, TestDatabase::probe);
    if (reason.isPresent()) {
      if (requireServers()) {
        Assertions.fail(reason.get() + " (VERSIONED_REQUIRE_SERVERS=true)");
      }
      Assumptions.abort(reason.get());
    }
  }

  private static Optional<String> probe(TestDatabase db) {
    if (!db.server) {
      return Optional.empty();
    }
    Location location = db.create();
    try (Connection c = location.connectWithoutSchema()) {
      return Optional.empty();
    } catch (SQLException e) {
      String reason =
          db.label + " server at " + location.url + " does not answer: " + e.getMessage();
      // Once on the console too: surefire shows only the count of skipped tests.
      System.out.println("[versioned] " + reason
          + (requireServers() ? "; its tests fail (VERSIONED_REQUIRE_SERVERS=true)"
              : "; its tests are skipped"));
      return Optional.of(reason);
    }
  }

  /** Opens a fresh, clean copy of the test schema. */
  Db open() {
    assumeAvailable();
    return new Db(this, cleanLocation());
  }

  /**
   * A location holding the test schema with empty tables: a new database, or this JVM's shared
   * one cleaned up.
   */
  Location cleanLocation() {
    if (!shared) {
      Location location = create();
      createSchema(location);
      return location;
    }
    boolean[] created = {false};
    Location location =
        SHARED.computeIfAbsent(this, db -> {
          Location l = db.create();
          l.shared = true;
          db.createSchema(l);
          created[0] = true;
          return l;
        });
    if (!created[0]) {
      if (RESHAPED.remove(this) != null) {
        createSchema(location);
      } else {
        emptyTables(location);
      }
    }
    return location;
  }

  /** Records that a test changed a table's structure: the next test gets the tables anew. */
  void tablesReshaped() {
    if (shared) {
      RESHAPED.put(this, true);
    }
  }

  /** Drops the tables, where they may exist, and runs this database's DDL. */
  void createSchema(Location location) {
    String ddl = SchemaScript.of(this);
    try (Connection c = location.connect();
        Statement s = c.createStatement()) {
      if (shared) {
        for (String table : TABLES) {
          try {
            // Derby has no IF EXISTS; a missing table is the expected failure there.
            s.execute(DSL.using(dialect).dropTableIfExists(DSL.name(table)).getSQL());
          } catch (SQLException missing) {
            if (this != DERBY) {
              throw missing;
            }
          }
        }
      }
      for (String sql : statements(ddl)) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the " + label + " test schema", e);
    }
  }

  private void emptyTables(Location location) {
    try (Connection c = location.connect();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.addBatch(DSL.using(dialect).deleteFrom(DSL.table(DSL.name(table))).getSQL());
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the " + label + " test tables", e);
    }
  }

  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.trim().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.trim().endsWith(";")) {
        String sql = current.toString().trim();
        result.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().trim());
    }
    return result;
  }

  static String resource(String name) {
    try (InputStream in = TestDatabase.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How to reach one test database. */
  static final class Location {
    final TestDatabase database;
    final String url;
    final String user;
    final String password;
    /** The schema (PostgreSQL) or database (MariaDB) of this JVM; null when embedded. */
    final String schema;
    final Properties properties;
    final String shutdownSql;
    final List<Path> files = new ArrayList<>();
    /** Kept for the whole JVM: {@link #destroy()} leaves it alone. */
    boolean shared;

    Location(TestDatabase database, String url, String user, String password, String schema,
        Properties properties, String shutdownSql) {
      this.database = database;
      this.url = url;
      this.user = user;
      this.password = password;
      this.schema = schema;
      this.properties = properties;
      this.shutdownSql = shutdownSql;
    }

    Connection connectWithoutSchema() throws SQLException {
      Properties p = new Properties();
      p.putAll(properties);
      if (!user.isEmpty()) {
        p.setProperty("user", user);
      }
      if (!password.isEmpty() || !user.isEmpty()) {
        p.setProperty("password", password);
      }
      return DriverManager.getConnection(url, p);
    }

    /** A plain JDBC connection (no pool), on this JVM's schema. */
    Connection connect() throws SQLException {
      if (schema != null) {
        ServerSchemas.ensure(this);
      }
      Connection c = connectWithoutSchema();
      if (schema != null) {
        if (database == MARIADB) {
          c.setCatalog(schema);
        } else {
          c.setSchema(schema);
        }
      }
      return c;
    }

    /** A HikariCP configuration for this database; callers set the pool size and the rest. */
    HikariConfig hikari(String poolName) {
      if (schema != null) {
        ServerSchemas.ensure(this);
      }
      HikariConfig config = new HikariConfig();
      config.setPoolName(poolName);
      config.setJdbcUrl(url);
      if (!user.isEmpty()) {
        config.setUsername(user);
        config.setPassword(password);
      }
      config.setDataSourceProperties(properties);
      if (schema != null) {
        if (database == MARIADB) {
          config.setCatalog(schema);
        } else {
          config.setSchema(schema);
        }
      }
      config.setMinimumIdle(0);
      config.setMaximumPoolSize(4);
      config.setConnectionTimeout(30_000);
      return config;
    }

    /** Frees a per-test database; shared ones stay until the JVM exits. */
    void destroy() {
      if (shared) {
        return;
      }
      try {
        if (shutdownSql != null) {
          try (Connection c = connectWithoutSchema();
              Statement s = c.createStatement()) {
            s.execute(shutdownSql);
          }
        }
        for (Path file : files) {
          Files.deleteIfExists(file);
        }
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("cannot drop the " + database + " test database", e);
      }
    }
  }

  /**
   * One schema (PostgreSQL) or database (MariaDB) per JVM on each server, named {@code
   * versioned_it_<epoch seconds>_<pid>}, dropped when the JVM exits; ones left by killed runs
   * more than an hour old are dropped on first use.
   */
  static final class ServerSchemas {
    private static final String PREFIX = "versioned_it_";
    private static final long STARTED = System.currentTimeMillis() / 1000;
    private static final Map<TestDatabase, Boolean> CREATED = new ConcurrentHashMap<>();

    private ServerSchemas() {}

    static String name(TestDatabase db) {
      String fixed = System.getProperty("versioned.it.schema");
      return fixed != null ? fixed : PREFIX + STARTED + "_" + ProcessHandle.current().pid();
    }

    static void ensure(Location location) {
      if (System.getProperty("versioned.it.schema") != null) {
        return; // a child process: its parent created the schema
      }
      CREATED.computeIfAbsent(location.database, db -> {
        create(location);
        return true;
      });
    }

    private static void create(Location location) {
      String kind = location.database == MARIADB ? "DATABASE" : "SCHEMA";
      try (Connection c = location.connectWithoutSchema();
          Statement s = c.createStatement()) {
        List<String> old = new ArrayList<>();
        String list =
            location.database == MARIADB
                ? "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '"
                    + PREFIX + "%'"
                : "SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + PREFIX + "%'";
        try (var rs = s.executeQuery(list)) {
          while (rs.next()) {
            old.add(rs.getString(1));
          }
        }
        for (String name : old) {
          String[] parts = name.substring(PREFIX.length()).split("_");
          try {
            if (Long.parseLong(parts[0]) < STARTED - 3600) {
              s.execute("DROP " + kind + " IF EXISTS " + name + (kind.equals("SCHEMA") ? " CASCADE" : ""));
            }
          } catch (NumberFormatException | SQLException ignored) {
            // not ours, or dropped meanwhile
          }
        }
        s.execute("CREATE " + kind + " " + location.schema);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create " + kind + " " + location.schema, e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try (Connection c = location.connectWithoutSchema();
            Statement s = c.createStatement()) {
          s.execute("DROP " + kind + " IF EXISTS " + location.schema
              + (kind.equals("SCHEMA") ? " CASCADE" : ""));
        } catch (SQLException ignored) {
          // the server went away; the next run drops it after an hour
        }
      }));
    }
  }
}
