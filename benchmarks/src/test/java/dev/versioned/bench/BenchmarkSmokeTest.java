package dev.versioned.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark method of every implementation a few times on H2, as JMH would, and checks
 * that each did its work; runs the paired rounds on H2 and on PostgreSQL (skipped with the reason
 * when it does not answer, unless {@code VERSIONED_REQUIRE_SERVERS=true}) and the processor
 * measurement on a small scale. The full benchmarks only run from {@code benchmarks/run.sh}.
 */
class BenchmarkSmokeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        Impl.GENERATED,
        Impl.JDBC,
        Impl.JOOQ,
        Impl.UPDATABLE_RECORD,
        Impl.HIBERNATE
      })
  void everyOperationRunsAndDoesItsWork(String impl) throws Exception {
    CrudBenchmark b = new CrudBenchmark();
    CrudBenchmark.Fixture f = open(new CrudBenchmark.Fixture(), impl);
    try {
      for (int i = 0; i < 3; i++) {
        assertNotNull(b.findById(f));
      }
      // Two rounds over the rows: the second must see the versions the first wrote.
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < CrudBenchmark.ROWS; i++) {
          assertNotNull(b.update(f));
        }
      }
      assertEquals(2, version(f, CrudBenchmark.FIRST));
      for (int i = 0; i < 3; i++) {
        assertNotNull(b.modify(f));
      }
      assertEquals(3, version(f, CrudBenchmark.FIRST + 3)); // findById advanced the index by 3
    } finally {
      f.close();
    }
    CrudBenchmark.Inserts inserts = open(new CrudBenchmark.Inserts(), impl);
    try {
      for (int i = 0; i < 2; i++) {
        inserts.empty();
        b.insert(inserts);
        assertEquals(CrudBenchmark.BATCH, count(inserts, CrudBenchmark.INSERTED));
      }
    } finally {
      inserts.close();
    }
    CrudBenchmark.Deletes deletes = open(new CrudBenchmark.Deletes(), impl);
    try {
      for (int i = 0; i < 2; i++) {
        deletes.fill();
        assertEquals(CrudBenchmark.BATCH, count(deletes, CrudBenchmark.DELETED));
        b.delete(deletes);
        assertEquals(0, count(deletes, CrudBenchmark.DELETED));
      }
    } finally {
      deletes.close();
    }
  }

  private static <F extends CrudBenchmark.Fixture> F open(F f, String impl) {
    f.db = Db.H2;
    f.impl = impl;
    f.open();
    return f;
  }

  @Test
  void pairedRoundsPrintATable() {
    String table = PairedRun.run(Db.H2, 2);
    assertTrue(table.contains("| generated |") && table.contains("**"), table);
  }

  /**
   * On PostgreSQL every implementation updates the same rows in turn: each must start from the
   * versions the others wrote, or its updates would be refused as stale.
   */
  @Test
  void pairedRoundsOnPostgresqlUpdateTheRowsTheOthersUpdated() {
    String unavailable = Db.postgresqlUnavailable();
    if (unavailable != null) {
      assertFalse(
          Boolean.parseBoolean(System.getenv("VERSIONED_REQUIRE_SERVERS")),
          "VERSIONED_REQUIRE_SERVERS=true, but " + unavailable);
      Assumptions.abort(unavailable);
    }
    String table = PairedRun.run(Db.POSTGRESQL, 2);
    for (String impl : Impl.ALL) {
      String row =
          table.lines().filter(l -> l.startsWith("| " + impl + " |")).findFirst().orElseThrow();
      // One cell per operation (insert, findById, update, modify, delete): a time and a ratio.
      assertEquals(5, row.split("\\(").length - 1, row);
      assertFalse(row.contains("–"), row);
    }
  }

  @Test
  void processorScaleCompilesWithAndWithoutTheProcessor() throws Exception {
    ProcessorScale.Result r = ProcessorScale.run(3, 0, 1);
    assertTrue(r.withProcessorMillis() > 0 && r.withoutProcessorMillis() > 0, r.toString());
    assertTrue(Main.table(java.util.List.of(), r, java.util.List.of()).contains("processor"));
  }

  @Test
  void bystandersCompilesEveryVariantEveryRound() throws Exception {
    Bystanders.Result r = Bystanders.run(4, 2, 2, 0);
    for (Bystanders.Variant v : Bystanders.Variant.values()) {
      assertEquals(2, r.samples().get(v).size(), v.toString());
      for (double[] sample : r.samples().get(v)) {
        assertTrue(sample[0] > 0 && sample[1] > 0 && sample[2] > 0, v.toString());
      }
    }
    assertTrue(r.ratio() > 0, r.toString());
    assertTrue(r.toString().contains("processor / without"), r.toString());
  }

  private static long version(CrudBenchmark.Fixture b, long id) throws Exception {
    return query(b, "SELECT \"lock_version\" FROM \"bench_post\" WHERE \"id\" = " + id);
  }

  private static long count(CrudBenchmark.Fixture b, long from) throws Exception {
    return query(b, "SELECT COUNT(*) FROM \"bench_post\" WHERE \"id\" >= " + from);
  }

  private static long query(CrudBenchmark.Fixture b, String sql) throws Exception {
    try (Connection c = b.database.dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }
}
