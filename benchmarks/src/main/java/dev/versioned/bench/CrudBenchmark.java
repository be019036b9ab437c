package dev.versioned.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One operation of one implementation on one database per run. Scores are microseconds per
 * operation; {@code benchmarks/run.sh} prints them as ratios to {@code jdbc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
public class CrudBenchmark {
  /** Rows read, updated and modified: keys 1 to 1000. */
  static final int ROWS = 1000;

  static final long FIRST = 1;
  /** Rows inserted or deleted per invocation of {@link #insert} or {@link #delete}. */
  static final int BATCH = 200;

  static final long INSERTED = 1_000_000;
  static final long DELETED = 2_000_000;

  /**
   * The database and the implementation under test. A state of its own, so that the benchmark
   * methods and the per-invocation setups share one instance.
   */
  @State(Scope.Thread)
  public static class Fixture {
    /** The database. */
    @Param({Db.H2, Db.POSTGRESQL})
    public String db;

    /** The implementation. */
    @Param({Impl.GENERATED, Impl.JDBC, Impl.JOOQ, Impl.UPDATABLE_RECORD, Impl.HIBERNATE})
    public String impl;

    Db database;
    Impl target;
    private int next;

    /** Opens the database, fills the table, and lets the implementation read its rows. */
    @Setup(Level.Trial)
    public void open() {
      database = Db.open(db);
      database.seed(FIRST, ROWS);
      target = Impl.create(impl, database);
      target.load(FIRST, ROWS);
    }

    /** Closes the implementation and the database. */
    @TearDown(Level.Trial)
    public void close() {
      target.close();
      database.close();
    }

    int nextIndex() {
      int i = next++;
      if (next == ROWS) {
        next = 0;
      }
      return i;
    }
  }

  /**
   * Reads a row by key.
   *
   * @param f the fixture
   * @return what the caller gets
   */
  @Benchmark
  public Object findById(Fixture f) {
    return f.target.findById(FIRST + f.nextIndex());
  }

  /**
   * Compare-and-increment update of every column.
   *
   * @param f the fixture
   * @return what the caller gets
   */
  @Benchmark
  public Object update(Fixture f) {
    return f.target.update(f.nextIndex());
  }

  /**
   * Read, change one column, compare-and-increment update, in one transaction.
   *
   * @param f the fixture
   * @return what the caller gets
   */
  @Benchmark
  public Object modify(Fixture f) {
    return f.target.modify(FIRST + f.nextIndex());
  }

  /**
   * Inserts {@link #BATCH} rows, one statement each.
   *
   * @param f the fixture, with the key range emptied
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void insert(Inserts f) {
    for (int i = 0; i < BATCH; i++) {
      f.target.insert(INSERTED + i);
    }
  }

  /**
   * Deletes {@link #BATCH} rows with a version check, one statement each.
   *
   * @param f the fixture, with the rows to delete in place
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void delete(Deletes f) {
    for (int i = 0; i < BATCH; i++) {
      f.target.delete(i);
    }
  }

  /**
   * The fixture of {@link #insert}: empties the key range it writes before each invocation. A
   * subclass rather than a second state, because JMH gives a state that a setup method takes as a
   * parameter an instance of its own.
   */
  public static class Inserts extends Fixture {
    /** Deletes the rows inserted by the last invocation. */
    @Setup(Level.Invocation)
    public void empty() {
      database.deleteFrom(INSERTED);
    }
  }

  /** The fixture of {@link #delete}: fills the key range it deletes before each invocation. */
  public static class Deletes extends Fixture {
    /** Inserts the rows to delete and hands them to the implementation. */
    @Setup(Level.Invocation)
    public void fill() {
      database.deleteFrom(DELETED);
      database.seed(DELETED, BATCH);
      target.prepareDeletes(DELETED, BATCH);
    }
  }
}
