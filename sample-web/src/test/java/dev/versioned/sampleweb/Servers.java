package dev.versioned.sampleweb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The test servers: PostgreSQL on 127.0.0.1:5432 (user {@code postgres}, database {@code test})
 * and MariaDB on 127.0.0.1:3306 (user {@code root}). Each test JVM gets a schema (PostgreSQL) or
 * database (MariaDB) of its own, so builds running at once do not meet. Whether a server answers
 * at all is {@link Available}'s to tell, before the class runs.
 */
final class Servers {
  /** The schema or database of this JVM. */
  static final String SCHEMA = "versioned_web_" + ProcessHandle.current().pid();

  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

  private Servers() {}

  /** Creates this JVM's PostgreSQL schema, empty. */
  static void createPostgresSchema() {
    run(
        "PostgreSQL at 127.0.0.1:5432",
        POSTGRES,
        "postgres",
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA);
  }

  /** Drops this JVM's PostgreSQL schema. */
  static void dropPostgresSchema() {
    drop(POSTGRES, "postgres", "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  /** Creates this JVM's MariaDB database, empty. */
  static void createMariaDbDatabase() {
    run(
        "MariaDB at 127.0.0.1:3306",
        MARIADB,
        "root",
        "DROP DATABASE IF EXISTS " + SCHEMA,
        "CREATE DATABASE " + SCHEMA);
  }

  /** Drops this JVM's MariaDB database. */
  static void dropMariaDbDatabase() {
    drop(MARIADB, "root", "DROP DATABASE IF EXISTS " + SCHEMA);
  }

  private static void drop(String url, String user, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      // The server went away (or never answered, and the class was skipped): nothing to drop.
    }
  }

  private static void run(String server, String url, String user, String... statements) {
    DriverManager.setLoginTimeout(3);
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(server + ": cannot prepare " + SCHEMA, e);
    }
  }
}
