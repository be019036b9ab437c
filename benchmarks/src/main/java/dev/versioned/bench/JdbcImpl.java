package dev.versioned.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Hand-written JDBC with prepared statements: the limit. */
final class JdbcImpl extends Impl {
  private static final String SELECT =
      "SELECT \"id\", \"title\", \"body\", \"views\", \"lock_version\" FROM \"bench_post\""
          + " WHERE \"id\" = ?";
  private static final String UPDATE =
      "UPDATE \"bench_post\" SET \"title\" = ?, \"body\" = ?, \"views\" = ?,"
          + " \"lock_version\" = \"lock_version\" + 1 WHERE \"id\" = ? AND \"lock_version\" = ?";
  private static final String UPDATE_VIEWS =
      "UPDATE \"bench_post\" SET \"views\" = ?, \"lock_version\" = \"lock_version\" + 1"
          + " WHERE \"id\" = ? AND \"lock_version\" = ?";
  private static final String INSERT =
      "INSERT INTO \"bench_post\" (\"id\", \"title\", \"body\", \"views\", \"lock_version\")"
          + " VALUES (?, ?, ?, ?, ?)";
  private static final String DELETE =
      "DELETE FROM \"bench_post\" WHERE \"id\" = ? AND \"lock_version\" = ?";

  private final DataSource dataSource;
  private BenchPost[] rows = new BenchPost[0];
  private BenchPost[] deletes = new BenchPost[0];

  JdbcImpl(Db db) {
    this.dataSource = db.dataSource;
  }

  @Override
  void load(long first, int count) {
    rows = new BenchPost[count];
    for (int i = 0; i < count; i++) {
      rows[i] = findById(first + i);
    }
  }

  @Override
  BenchPost findById(long id) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, id);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BenchPost find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row " + id);
        }
        return new BenchPost(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5));
      }
    }
  }

  @Override
  Object update(int index) {
    BenchPost p = rows[index];
    BenchPost changed =
        new BenchPost(
            p.id(), BenchPost.nextTitle(p.views()), p.body(), p.views() + 1, p.lockVersion());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPDATE)) {
      ps.setString(1, changed.title());
      ps.setString(2, changed.body());
      ps.setInt(3, changed.views());
      ps.setLong(4, changed.id());
      ps.setInt(5, changed.lockVersion());
      if (ps.executeUpdate() != 1) {
        throw stale(p.id());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows[index] =
        new BenchPost(
            changed.id(),
            changed.title(),
            changed.body(),
            changed.views(),
            changed.lockVersion() + 1);
  }

  @Override
  Object modify(long id) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        BenchPost p = find(c, id);
        try (PreparedStatement ps = c.prepareStatement(UPDATE_VIEWS)) {
          ps.setInt(1, p.views() + 1);
          ps.setLong(2, id);
          ps.setInt(3, p.lockVersion());
          if (ps.executeUpdate() != 1) {
            throw stale(id);
          }
        }
        c.commit();
        return new BenchPost(p.id(), p.title(), p.body(), p.views() + 1, p.lockVersion() + 1);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  Object insert(long id) {
    BenchPost p = BenchPost.fresh(id);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setLong(1, p.id());
      ps.setString(2, p.title());
      ps.setString(3, p.body());
      ps.setInt(4, p.views());
      ps.setInt(5, p.lockVersion());
      ps.executeUpdate();
      return p;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  void prepareDeletes(long first, int count) {
    deletes = new BenchPost[count];
    for (int i = 0; i < count; i++) {
      deletes[i] = BenchPost.fresh(first + i);
    }
  }

  @Override
  void delete(int index) {
    BenchPost p = deletes[index];
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(DELETE)) {
      ps.setLong(1, p.id());
      ps.setInt(2, p.lockVersion());
      if (ps.executeUpdate() != 1) {
        throw stale(p.id());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
