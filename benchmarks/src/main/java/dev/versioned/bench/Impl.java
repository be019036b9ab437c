package dev.versioned.bench;

/**
 * One way of doing the benchmarked work. Every implementation runs the same statements on the
 * same table: the update writes {@code title}, {@code body} and {@code views} with a version check
 * and increment; {@code modify} reads a row and writes {@code views} back with a version check, in
 * one transaction; {@code delete} checks the version.
 *
 * <p>Implementations keep, between calls, the objects they would hand to the caller (records,
 * updatable records, entities), as an application would.
 */
abstract class Impl implements AutoCloseable {
  static final String GENERATED = "generated";
  static final String JDBC = "jdbc";
  static final String JOOQ = "jooq";
  static final String UPDATABLE_RECORD = "updatableRecord";
  static final String HIBERNATE = "hibernate";
  static final String[] ALL = {GENERATED, JDBC, JOOQ, UPDATABLE_RECORD, HIBERNATE};

  static Impl create(String name, Db db) {
    switch (name) {
      case GENERATED:
        return new GeneratedImpl(db);
      case JDBC:
        return new JdbcImpl(db);
      case JOOQ:
        return new JooqImpl(db);
      case UPDATABLE_RECORD:
        return new UpdatableRecordBench(db);
      case HIBERNATE:
        return new HibernateImpl(db);
      default:
        throw new IllegalArgumentException("unknown implementation " + name);
    }
  }

  /** Reads rows {@code first .. first + count - 1} and keeps them for {@link #update}. */
  abstract void load(long first, int count);

  /** Reads one row; returns what the caller would get. */
  abstract Object findById(long id);

  /** Updates the kept row {@code index} with a new title and views + 1, and keeps the result. */
  abstract Object update(int index);

  /** Reads the row, increments its views, writes it with a version check, in a transaction. */
  abstract Object modify(long id);

  /** Inserts {@link BenchPost#fresh} with that key. */
  abstract Object insert(long id);

  /** Keeps the rows {@code first .. first + count - 1}, as inserted, for {@link #delete}. */
  abstract void prepareDeletes(long first, int count);

  /** Deletes the kept row {@code index} with a version check. */
  abstract void delete(int index);

  @Override
  public void close() {}

  static IllegalStateException stale(long id) {
    return new IllegalStateException("stale row " + id);
  }
}
