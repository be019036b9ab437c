package dev.versioned.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cross-check of the JMH table that is robust to a machine whose load drifts: every
 * implementation runs in the same JVM, in rounds, one after the other, so each round sees the
 * same load; the table shows the median round of each. JMH runs one implementation after another,
 * minutes apart, and on a shared machine those minutes differ.
 *
 * <p>Per round and implementation: {@value #N} inserts, reads, version-checked updates, {@code
 * modify} calls (read, change, version-checked write, in one transaction) and version-checked
 * deletes. The first half of the rounds warms up. Before its updates, each implementation rereads
 * the rows it updates (untimed), to start from their current versions: {@code modify} has changed
 * them since, and on PostgreSQL the implementations share one table.
 */
public final class PairedRun {
  private static final int N = 500;
  private static final String[] OPERATIONS = {"insert", "findById", "update", "modify", "delete"};

  private PairedRun() {}

  /**
   * Runs the rounds and prints the table.
   *
   * @param args {@code db rounds}, e.g. {@code h2 200} or {@code postgresql 30}
   */
  public static void main(String[] args) {
    String db = args.length > 0 ? args[0] : Db.H2;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    System.out.println(run(db, rounds));
  }

  /**
   * Runs the rounds.
   *
   * @param db {@link Db#H2} or {@link Db#POSTGRESQL}
   * @param rounds how many rounds; the first half warms up
   * @return a markdown table of median microseconds per operation, and ratios to JDBC
   */
  public static String run(String db, int rounds) {
    Map<String, CrudBenchmark.Fixture> fixtures = new LinkedHashMap<>();
    Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
    try {
      for (String impl : Impl.ALL) {
        CrudBenchmark.Fixture f = new CrudBenchmark.Fixture();
        f.db = db;
        f.impl = impl;
        f.open();
        fixtures.put(impl, f);
        times.put(impl, new LinkedHashMap<>());
      }
      for (int r = 0; r < rounds; r++) {
        for (Map.Entry<String, CrudBenchmark.Fixture> e : fixtures.entrySet()) {
          CrudBenchmark.Fixture f = e.getValue();
          Impl target = f.target;
          f.database.deleteFrom(CrudBenchmark.INSERTED);
          long t0 = System.nanoTime();
          for (int i = 0; i < N; i++) {
            target.insert(CrudBenchmark.INSERTED + i);
          }
          long t1 = System.nanoTime();
          for (int i = 0; i < N; i++) {
            target.findById(CrudBenchmark.FIRST + i % CrudBenchmark.ROWS);
          }
          long t2 = System.nanoTime();
          target.load(CrudBenchmark.FIRST, CrudBenchmark.ROWS);
          long updates = System.nanoTime();
          for (int i = 0; i < N; i++) {
            target.update(i % CrudBenchmark.ROWS);
          }
          long t3 = System.nanoTime();
          for (int i = 0; i < N; i++) {
            target.modify(CrudBenchmark.FIRST + i % CrudBenchmark.ROWS);
          }
          long modifies = System.nanoTime();
          f.database.deleteFrom(CrudBenchmark.DELETED);
          f.database.seed(CrudBenchmark.DELETED, N);
          target.prepareDeletes(CrudBenchmark.DELETED, N);
          long t4 = System.nanoTime();
          for (int i = 0; i < N; i++) {
            target.delete(i);
          }
          long t5 = System.nanoTime();
          if (r >= rounds / 2) {
            Map<String, List<Double>> t = times.get(e.getKey());
            add(t, "insert", t1 - t0);
            add(t, "findById", t2 - t1);
            add(t, "update", t3 - updates);
            add(t, "modify", modifies - t3);
            add(t, "delete", t5 - t4);
          }
        }
      }
    } finally {
      for (CrudBenchmark.Fixture f : fixtures.values()) {
        f.close();
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "| %s, paired rounds (median of %d) |", db, rounds - rounds / 2));
    for (String op : OPERATIONS) {
      sb.append(' ').append(op).append(" µs/op (ratio) |");
    }
    sb.append("\n|---|").append("---:|".repeat(OPERATIONS.length)).append('\n');
    for (String impl : Impl.ALL) {
      sb.append("| ").append(impl).append(" |");
      for (String op : OPERATIONS) {
        List<Double> own = times.get(impl).get(op);
        List<Double> limit = times.get(Impl.JDBC).get(op);
        double median = median(own);
        String ratio = String.format(Locale.ROOT, "%.2f", median / median(limit));
        sb.append(
            String.format(
                Locale.ROOT,
                " %.2f (%s) |",
                median,
                Impl.GENERATED.equals(impl) ? "**" + ratio + "**" : ratio));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void add(Map<String, List<Double>> times, String op, long nanos) {
    times.computeIfAbsent(op, k -> new ArrayList<>()).add(nanos / 1e3 / N);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
