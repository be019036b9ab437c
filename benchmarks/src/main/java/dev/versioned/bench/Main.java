package dev.versioned.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks (any JMH command-line option may be given), then the processor-scale
 * measurement, and prints one table of ratios to hand-written JDBC, then the paired cross-check
 * ({@link PairedRun}). Set {@code -Dversioned.bench.scale=0} to skip the processor measurement, or
 * to another number of records; {@code -Dversioned.bench.paired=0} to skip the paired rounds (else
 * their number on H2; a fifth of it on PostgreSQL); {@code -Dversioned.bench.crud=none} to skip
 * JMH.
 */
public final class Main {
  private static final String[] OPERATIONS = {"insert", "findById", "update", "delete", "modify"};

  private Main() {}

  /**
   * Runs everything and prints the table.
   *
   * @param args JMH options
   * @throws Exception if JMH or javac fail
   */
  public static void main(String[] args) throws Exception {
    CommandLineOptions cli;
    try {
      cli = new CommandLineOptions(args);
    } catch (CommandLineOptionException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
    if (cli.getIncludes().isEmpty()) {
      options.include(CrudBenchmark.class.getName());
    }
    List<String> notes = new ArrayList<>();
    String postgresql = Db.postgresqlUnavailable();
    if (postgresql != null && !cli.getParameter("db").hasValue()) {
      options.param("db", Db.H2);
      notes.add("PostgreSQL: not run, " + postgresql);
    }
    Collection<RunResult> results = List.of();
    if (!"none".equals(System.getProperty("versioned.bench.crud"))) {
      results = run(options);
    }
    // Paired rounds: all implementations in one JVM, interleaved, robust to a drifting load.
    int pairedRounds = Integer.getInteger("versioned.bench.paired", 100);
    if (pairedRounds > 0) {
      notes.add(PairedRun.run(Db.H2, pairedRounds));
      if (postgresql == null) {
        notes.add(PairedRun.run(Db.POSTGRESQL, Math.max(2, pairedRounds / 5)));
      }
    }
    int scaleRecords = Integer.getInteger("versioned.bench.scale", 1000);
    ProcessorScale.Result scale = null;
    if (scaleRecords > 0) {
      scale =
          ProcessorScale.run(
              scaleRecords,
              Integer.getInteger("versioned.bench.scale.warmups", 1),
              Integer.getInteger("versioned.bench.scale.runs", 3));
    }
    String table = table(results, scale, notes);
    System.out.println();
    System.out.println(table);
    Path out = Path.of(System.getProperty("versioned.bench.out", "benchmarks/target/results.md"));
    if (out.getParent() != null && Files.isDirectory(out.getParent())) {
      Files.writeString(out, table, StandardCharsets.UTF_8);
      System.out.println("written to " + out);
    }
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    return new Runner(options.build()).run();
  }

  /**
   * One (database, operation, implementation), in microseconds: JMH's mean and error, and the
   * best (lowest) measurement iteration over all forks.
   */
  private record Score(double score, double error, double best) {}

  static String table(
      Collection<RunResult> results, ProcessorScale.Result scale, List<String> notes) {
    // db -> operation -> impl -> score
    Map<String, Map<String, Map<String, Score>>> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      String db = r.getParams().getParam("db");
      String impl = r.getParams().getParam("impl");
      String benchmark = r.getParams().getBenchmark();
      String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      Result<?> primary = r.getPrimaryResult();
      double best = Double.MAX_VALUE;
      for (BenchmarkResult fork : r.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          best = Math.min(best, iteration.getPrimaryResult().getScore());
        }
      }
      scores
          .computeIfAbsent(db, k -> new LinkedHashMap<>())
          .computeIfAbsent(operation, k -> new LinkedHashMap<>())
          .put(impl, new Score(primary.getScore(), primary.getScoreError(), best));
    }
    StringBuilder sb = new StringBuilder();
    List<String> dbs = new ArrayList<>();
    for (String db : new String[] {Db.H2, Db.POSTGRESQL}) {
      if (scores.containsKey(db)) {
        dbs.add(db);
      }
    }
    if (!dbs.isEmpty()) {
      sb.append("| operation | implementation |");
      for (String db : dbs) {
        sb.append(' ')
            .append(db)
            .append(" µs/op, mean ± error | best | ")
            .append(db)
            .append(" ratio of best to JDBC | ratio of means |");
      }
      sb.append('\n').append("|---|---|");
      for (int i = 0; i < dbs.size(); i++) {
        sb.append("---:|---:|---:|---:|");
      }
      sb.append('\n');
      for (String operation : OPERATIONS) {
        for (String impl : Impl.ALL) {
          boolean any = false;
          StringBuilder row = new StringBuilder();
          row.append("| ").append(operation).append(" | ").append(impl).append(" |");
          for (String db : dbs) {
            Map<String, Score> byImpl = scores.get(db).getOrDefault(operation, Map.of());
            Score s = byImpl.get(impl);
            Score limit = byImpl.get(Impl.JDBC);
            if (s == null) {
              row.append(" – | – | – | – |");
              continue;
            }
            any = true;
            row.append(
                String.format(
                    Locale.ROOT, " %.2f ± %.2f | %.2f |", s.score(), s.error(), s.best()));
            row.append(
                limit == null
                    ? " – | – |"
                    : String.format(
                        Locale.ROOT,
                        " %s | %.2f |",
                        ratio(s.best() / limit.best(), impl),
                        s.score() / limit.score()));
          }
          if (any) {
            sb.append(row).append('\n');
          }
        }
      }
    }
    if (scale != null) {
      sb.append('\n')
          .append("| processor (")
          .append(scale.records())
          .append(" records, median of ")
          .append(scale.runs())
          .append(" runs) | javac ms | ratio | allocated MB |\n")
          .append("|---|---:|---:|---:|\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "| javac -proc:none, same records + generated sources | %.0f | 1.00 | %.0f |%n",
                  scale.withoutProcessorMillis(),
                  scale.withoutProcessorAllocated() / 1e6))
          .append(
              String.format(
                  Locale.ROOT,
                  "| javac with the processor | %.0f | **%.2f** | %.0f (processor: %+.0f) |%n",
                  scale.withProcessorMillis(),
                  scale.ratio(),
                  scale.withProcessorAllocated() / 1e6,
                  scale.processorAllocated() / 1e6));
    }
    for (String note : notes) {
      sb.append('\n').append(note).append('\n');
    }
    return sb.toString();
  }

  private static String ratio(double ratio, String impl) {
    String text = String.format(Locale.ROOT, "%.2f", ratio);
    return Impl.GENERATED.equals(impl) ? "**" + text + "**" : text;
  }
}
