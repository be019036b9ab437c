package dev.versioned.bench;

import dev.versioned.processor.VersionedProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The processor's cost at scale: writes {@code n} {@code @Versioned} records, then times in-process
 * {@code javac} with the processor against {@code javac} of the same records plus the sources the
 * processor generated, with {@code -proc:none}. Runs alternate between the two, after warm-up runs,
 * and the medians are compared. Memory is the bytes the compiling thread allocated.
 */
public final class ProcessorScale {
  /** The measured figures; times in milliseconds, memory in bytes. */
  public record Result(
      int records,
      int runs,
      double withProcessorMillis,
      double withoutProcessorMillis,
      long withProcessorAllocated,
      long withoutProcessorAllocated) {
    /** javac with the processor over javac without it. */
    public double ratio() {
      return withProcessorMillis / withoutProcessorMillis;
    }

    /** What the processor itself allocated: the difference of the two compiles. */
    public long processorAllocated() {
      return withProcessorAllocated - withoutProcessorAllocated;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d records, median of %d runs: javac with processor %.0f ms, without %.0f ms (ratio"
              + " %.2f); allocated %.0f MB with, %.0f MB without (processor %+.0f MB)",
          records,
          runs,
          withProcessorMillis,
          withoutProcessorMillis,
          ratio(),
          withProcessorAllocated / 1e6,
          withoutProcessorAllocated / 1e6,
          processorAllocated() / 1e6);
    }
  }

  /**
   * What the records and repositories compile against: the runtime, jOOQ and the libraries jOOQ's
   * API mentions, when they are separate class-path entries (as under Maven); else everything.
   */
  static final String CLASS_PATH = compileClassPath();

  private ProcessorScale() {}

  private static String compileClassPath() {
    String[] entries = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
    List<String> kept = new ArrayList<>();
    for (String entry : entries) {
      String e = entry.replace('\\', '/');
      if (e.contains("/jooq") || e.contains("reactive-streams") || e.contains("r2dbc")
          || e.contains("versioned-runtime") || e.endsWith("runtime/target/classes")) {
        kept.add(entry);
      }
    }
    return kept.size() >= 2
        ? String.join(java.io.File.pathSeparator, kept)
        : System.getProperty("java.class.path");
  }

  /**
   * Runs the measurement and prints the result.
   *
   * @param args {@code [records [warmups [runs]]]}, default 1000, 2, 3
   * @throws IOException if the temporary files cannot be written
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    System.out.println(run(n, warmups, runs));
  }

  /**
   * Measures javac with and without the processor.
   *
   * @param n how many records
   * @param warmups unmeasured runs of each compile
   * @param runs measured runs of each compile
   * @return the medians
   * @throws IOException if the temporary files cannot be written
   */
  public static Result run(int n, int warmups, int runs) throws IOException {
    Path root = Files.createTempDirectory("versioned-scale");
    try {
      List<Path> records = writeRecords(root.resolve("src"), n);
      Path generated = root.resolve("generated");
      Files.createDirectories(generated);
      // First compile: with the processor, keeping what it generates for the other compile.
      compile(records, root.resolve("out-first"), generated, true);
      List<Path> all = new ArrayList<>(records);
      try (Stream<Path> files = Files.walk(generated)) {
        all.addAll(
            files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList()));
      }
      if (all.size() != 2 * n) {
        throw new IllegalStateException(
            "expected " + n + " generated repositories, found " + (all.size() - n));
      }
      long[][] with = new long[runs][];
      long[][] without = new long[runs][];
      for (int i = 0; i < warmups + runs; i++) {
        long[] w = compile(records, root.resolve("out-with-" + i), root.resolve("gen-" + i), true);
        delete(root.resolve("gen-" + i));
        long[] wo = compile(all, root.resolve("out-without-" + i), null, false);
        if (i >= warmups) {
          with[i - warmups] = w;
          without[i - warmups] = wo;
        }
      }
      return new Result(
          n,
          runs,
          median(with, 0) / 1e6,
          median(without, 0) / 1e6,
          median(with, 1),
          median(without, 1));
    } finally {
      delete(root);
    }
  }

  private static long median(long[][] samples, int column) {
    long[] values = Arrays.stream(samples).mapToLong(s -> s[column]).sorted().toArray();
    return values[values.length / 2];
  }

  private static List<Path> writeRecords(Path src, int n) throws IOException {
    Path dir = src.resolve("bench/scale");
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = "Item" + i;
      Path file = dir.resolve(name + ".java");
      Files.writeString(
          file,
          "package bench.scale;\n\n"
              + "import dev.versioned.Counter;\n"
              + "import dev.versioned.Versioned;\n\n"
              + "@Versioned\n"
              + "public record "
              + name
              + "(long id, String title, java.math.BigDecimal price, @Counter int views,\n"
              + "    java.time.Instant updatedAt, java.util.UUID reference, int lockVersion) {}\n",
          StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  /**
   * Compiles in-process, the output deleted afterwards, and returns {wall nanoseconds, bytes
   * allocated by this thread, CPU nanoseconds of this thread}.
   */
  static long[] compile(List<Path> sources, Path out, Path generated, boolean processor)
      throws IOException {
    return compile(sources, out, generated, processor ? new VersionedProcessor() : null);
  }

  /**
   * Compiles in-process with the given processor, or with {@code -proc:none} when it is null.
   *
   * @return {wall nanoseconds, bytes allocated by this thread, CPU nanoseconds of this thread}
   */
  static long[] compile(List<Path> sources, Path out, Path generated, Processor processor)
      throws IOException {
    Files.createDirectories(out);
    List<String> options = new ArrayList<>();
    options.addAll(List.of("-d", out.toString(), "-classpath", CLASS_PATH));
    options.addAll(List.of("--release", "17", "-nowarn", "-implicit:none"));
    if (processor != null) {
      Files.createDirectories(generated);
      options.addAll(List.of("-s", generated.toString()));
    } else {
      options.add("-proc:none");
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              options,
              null,
              files.getJavaFileObjectsFromPaths(sources));
      if (processor != null) {
        task.setProcessors(List.of(processor));
      }
      long allocatedBefore = threads.getThreadAllocatedBytes(thread);
      long cpuBefore = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      boolean ok = task.call();
      long nanos = System.nanoTime() - start;
      long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
      long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
      if (!ok) {
        throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
      }
      return new long[] {nanos, allocated, cpu};
    } finally {
      delete(out);
    }
  }

  static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder())
          .forEach(
              f -> {
                try {
                  Files.delete(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
