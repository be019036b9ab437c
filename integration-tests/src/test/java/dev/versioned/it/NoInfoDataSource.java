package dev.versioned.it;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jooq.tools.jdbc.DefaultConnection;
import org.jooq.tools.jdbc.DefaultPreparedStatement;

/**
 * A real H2 data source whose prepared statements run their batches for real but answer {@link
 * Statement#SUCCESS_NO_INFO} for every row, as some drivers do (Oracle, MySQL with rewritten
 * batches).
 */
final class NoInfoDataSource implements DataSource {
  private final DataSource delegate;

  NoInfoDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return wrap(delegate.getConnection(user, password));
  }

  private static Connection wrap(Connection connection) {
    return new DefaultConnection(connection) {
      @Override
      public PreparedStatement prepareStatement(String sql) throws SQLException {
        return new DefaultPreparedStatement(super.prepareStatement(sql)) {
          @Override
          public int[] executeBatch() throws SQLException {
            int[] real = super.executeBatch();
            int[] hidden = new int[real.length];
            Arrays.fill(hidden, Statement.SUCCESS_NO_INFO);
            return hidden;
          }
        };
      }
    };
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
