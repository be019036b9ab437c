package dev.versioned.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/** A fresh in-memory H2 database with the test schema, and a jOOQ context that logs statements. */
final class H2Database {
  final DataSource dataSource;
  final DSLContext dsl;
  final List<String> statements = new ArrayList<>();
  final AtomicInteger executed = new AtomicInteger();

  H2Database() {
    this(dataSource());
  }

  H2Database(DataSource dataSource) {
    this.dataSource = dataSource;
    DefaultConfiguration configuration = new DefaultConfiguration();
    configuration.set(SQLDialect.H2);
    configuration.set(dataSource);
    configuration.set(
        new ExecuteListener() {
          private static final long serialVersionUID = 1L;

          @Override
          public void executeStart(ExecuteContext ctx) {
            executed.incrementAndGet();
            synchronized (statements) {
              if (ctx.batchSQL().length > 1) {
                for (String sql : ctx.batchSQL()) {
                  statements.add(sql);
                }
              } else {
                statements.add(ctx.sql());
              }
            }
          }
        });
    this.dsl = DSL.using(configuration);
  }

  static JdbcDataSource dataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    try (InputStream in = H2Database.class.getResourceAsStream("/schema-h2.sql")) {
      String ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      try (var connection = ds.getConnection();
          var statement = connection.createStatement()) {
        for (String sql : ddl.split(";")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
      }
    } catch (IOException | java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return ds;
  }

  /** Statements run since the last call, and forgets them. */
  List<String> takeStatements() {
    synchronized (statements) {
      List<String> copy = List.copyOf(statements);
      statements.clear();
      executed.set(0);
      return copy;
    }
  }
}
