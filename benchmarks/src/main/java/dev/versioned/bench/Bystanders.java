package dev.versioned.bench;

import dev.versioned.processor.VersionedProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * What the processor costs the files it has nothing to do with: in-process {@code javac} of many
 * plain classes (with lambdas, method references, anonymous classes, local classes and local
 * records) and a few {@code @Versioned} records, with the processor, against {@code javac
 * -proc:none} of the same sources plus the repositories the processor generated.
 *
 * <p>A third compile runs a processor that does nothing but write those same repositories in its
 * first round: what javac itself charges any processor that generates them (it keeps comments and
 * end positions of every file, writes parameter names, and enters every file again in the round
 * that follows the generated sources). The processor's own work is the difference between it and
 * that floor.
 *
 * <p>Each round compiles all three, in an order that rotates, after unmeasured warm-up rounds; the
 * ratio within each round is one sample, and the median and spread of the samples are reported, so
 * that a drifting load on a shared machine hits both sides of every sample alike. Wall time, the
 * compiling thread's CPU time and its allocated bytes are each compared.
 */
public final class Bystanders {
  /** The three compiles of a round. */
  public enum Variant {
    /** {@code -proc:none}, on the sources and the generated repositories. */
    WITHOUT("javac -proc:none, + generated code"),
    /** A processor that only writes the generated repositories, on the sources. */
    FLOOR("javac + a processor that only writes them"),
    /** The Versioned processor, on the sources. */
    PROCESSOR("javac + the Versioned processor");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /**
   * The measured figures: for each variant and round, {wall, CPU, allocated, processor CPU} in
   * milliseconds and megabytes.
   *
   * @param classes how many plain classes
   * @param records how many {@code @Versioned} records
   * @param samples per variant, one {wall ms, CPU ms, allocated MB, CPU ms inside the processor's
   *     {@code process}} per measured round
   */
  public record Result(int classes, int records, Map<Variant, List<double[]>> samples) {
    /**
     * The per-round ratios of one figure of two variants, sorted.
     *
     * @param over the numerator
     * @param under the denominator
     * @param figure 0 wall, 1 CPU, 2 allocated
     * @return one ratio per round
     */
    public double[] ratios(Variant over, Variant under, int figure) {
      List<double[]> a = samples.get(over);
      List<double[]> b = samples.get(under);
      double[] r = new double[a.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = a.get(i)[figure] / b.get(i)[figure];
      }
      Arrays.sort(r);
      return r;
    }

    /**
     * The median per-round ratio of wall time, with the processor over without it: the figure
     * held against the target.
     *
     * @return the ratio
     */
    public double ratio() {
      return median(ratios(Variant.PROCESSOR, Variant.WITHOUT, 0));
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      int rounds = samples.get(Variant.WITHOUT).size();
      out.append(
          String.format(
              Locale.ROOT,
              "%d plain classes + %d @Versioned records, %d interleaved rounds (JDK %s):%n",
              classes,
              records,
              rounds,
              Runtime.version()));
      out.append(
          String.format(
              Locale.ROOT,
              "  %-42s %8s %8s %8s %8s  %s%n",
              "median of the rounds",
              "wall ms",
              "CPU ms",
              "alloc MB",
              "in proc.",
              "wall ms of each round"));
      for (Variant v : Variant.values()) {
        List<double[]> s = samples.get(v);
        out.append(
            String.format(
                Locale.ROOT,
                "  %-42s %8.0f %8.0f %8.0f %8.0f  %s%n",
                v.label,
                median(s, 0),
                median(s, 1),
                median(s, 2),
                median(s, 3),
                s.stream()
                    .map(x -> String.format(Locale.ROOT, "%.0f", x[0]))
                    .collect(Collectors.joining(" "))));
      }
      out.append(
          "  (in proc.: CPU ms of the compiling thread inside the processor's process method)\n");
      out.append("  ratio per round: median [min, max]          wall                CPU"
          + "                 allocated\n");
      ratioLine(out, "processor / without (target <= 1.05)", Variant.PROCESSOR, Variant.WITHOUT);
      ratioLine(out, "floor / without (javac's own part)", Variant.FLOOR, Variant.WITHOUT);
      ratioLine(out, "processor / floor (the processor's work)", Variant.PROCESSOR, Variant.FLOOR);
      return out.toString().stripTrailing();
    }

    private void ratioLine(StringBuilder out, String label, Variant over, Variant under) {
      out.append(String.format(Locale.ROOT, "  %-42s", label));
      for (int figure = 0; figure < 3; figure++) {
        double[] r = ratios(over, under, figure);
        out.append(
            String.format(
                Locale.ROOT, " %.3f [%.3f, %.3f]", median(r), r[0], r[r.length - 1]));
      }
      out.append('\n');
    }

    private static double median(List<double[]> s, int figure) {
      return median(s.stream().mapToDouble(x -> x[figure]).sorted().toArray());
    }

    private static double median(double[] sorted) {
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  private Bystanders() {}

  /**
   * Runs the measurement and prints the result.
   *
   * @param args {@code [classes [records [rounds [warmups]]]]}, default 2000, 10, 5, 2
   * @throws IOException if the temporary files cannot be written
   */
  public static void main(String[] args) throws IOException {
    int classes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int records = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    System.out.println(run(classes, records, rounds, warmups));
  }

  /**
   * Measures javac with and without the processor.
   *
   * @param classes how many plain classes
   * @param records how many {@code @Versioned} records
   * @param rounds measured rounds, each compiling all three ways
   * @param warmups unmeasured rounds first
   * @return the samples
   * @throws IOException if the temporary files cannot be written
   */
  public static Result run(int classes, int records, int rounds, int warmups) throws IOException {
    if (classes < 1 || records < 1 || rounds < 1 || warmups < 0) {
      throw new IllegalArgumentException(
          "classes, records and rounds must be positive and warmups not negative: classes="
              + classes
              + ", records="
              + records
              + ", rounds="
              + rounds
              + ", warmups="
              + warmups);
    }
    Path root = Files.createTempDirectory("versioned-bystanders");
    try {
      Path src = root.resolve("src");
      List<Path> sources = new ArrayList<>();
      for (int i = 0; i < classes; i++) {
        sources.add(writePlainClass(src, i));
      }
      for (int i = 0; i < records; i++) {
        sources.add(writeRecord(src, i));
      }
      Path generated = root.resolve("generated");
      ProcessorScale.compile(sources, root.resolve("out-first"), generated, true);
      List<Path> repositories;
      try (Stream<Path> files = Files.walk(generated)) {
        repositories =
            files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
      }
      if (repositories.size() != records) {
        throw new IllegalStateException(
            "expected " + records + " generated repositories, found " + repositories.size());
      }
      List<Path> all = new ArrayList<>(sources);
      all.addAll(repositories);
      Map<String, String> texts = new LinkedHashMap<>();
      for (Path f : repositories) {
        String relative = generated.relativize(f).toString().replace('\\', '/');
        texts.put(
            relative.substring(0, relative.length() - ".java".length()).replace('/', '.'),
            Files.readString(f, StandardCharsets.UTF_8));
      }
      Map<Variant, List<double[]>> samples = new EnumMap<>(Variant.class);
      for (Variant v : Variant.values()) {
        samples.put(v, new ArrayList<>());
      }
      Variant[] variants = Variant.values();
      for (int i = 0; i < warmups + rounds; i++) {
        for (int k = 0; k < variants.length; k++) {
          Variant v = variants[(i + k) % variants.length];
          Path out = root.resolve("out-" + v + "-" + i);
          Path gen = root.resolve("gen-" + v + "-" + i);
          long[] m;
          Timed timed = null;
          switch (v) {
            case WITHOUT:
              m = ProcessorScale.compile(all, out, null, (Processor) null);
              break;
            case FLOOR:
              timed = new Timed(new Writer(texts));
              m = ProcessorScale.compile(sources, out, gen, timed);
              break;
            default:
              timed = new Timed(new VersionedProcessor());
              m = ProcessorScale.compile(sources, out, gen, timed);
              break;
          }
          ProcessorScale.delete(gen);
          if (i >= warmups) {
            double inside = timed == null ? 0 : timed.cpuNanos / 1e6;
            samples.get(v).add(new double[] {m[0] / 1e6, m[2] / 1e6, m[1] / 1e6, inside});
          }
        }
      }
      return new Result(classes, records, samples);
    } finally {
      ProcessorScale.delete(root);
    }
  }

  /** A processor that counts the CPU time of its delegate's {@code process} calls. */
  private static final class Timed implements Processor {
    private final Processor delegate;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuNanos;

    Timed(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      delegate.init(env);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = threads.getCurrentThreadCpuTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        cpuNanos += threads.getCurrentThreadCpuTime() - start;
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String text) {
      return delegate.getCompletions(element, annotation, member, text);
    }
  }

  /**
   * The floor: a processor that, in its first round, writes the given sources and nothing else. It
   * is called for the same annotation as the Versioned processor, so javac runs the same rounds.
   */
  private static final class Writer extends AbstractProcessor {
    private final Map<String, String> sources;
    private boolean written;

    Writer(Map<String, String> sources) {
      this.sources = sources;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.versioned.Versioned");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (written) {
        return false;
      }
      written = true;
      for (Map.Entry<String, String> source : sources.entrySet()) {
        try (java.io.Writer out =
            processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
          out.write(source.getValue());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  /**
   * An ordinary class, as an application has thousands of: fields, a constructor, methods with
   * lambdas and method references, an anonymous class, a local class and a local record, and a
   * call into its neighbour.
   */
  private static Path writePlainClass(Path src, int i) throws IOException {
    String pkg = "bench.plain.p" + (i / 100);
    String name = "Plain" + i;
    String neighbour = i % 100 == 0 ? "Object" : "Plain" + (i - 1);
    String text =
        String.join(
            "\n",
            "package " + pkg + ";",
            "",
            "import java.util.ArrayList;",
            "import java.util.Comparator;",
            "import java.util.List;",
            "import java.util.Map;",
            "import java.util.function.Function;",
            "import java.util.stream.Collectors;",
            "",
            "public class " + name + " {",
            "  private static final Function<Integer, Integer> TWICE = x -> x * 2;",
            "  private final List<String> names = new ArrayList<>();",
            "  private int counter;",
            "",
            "  public " + name + "(List<String> names) {",
            "    this.names.addAll(names);",
            "  }",
            "",
            "  public List<String> byLength() {",
            "    List<String> copy = new ArrayList<>(names);",
            "    copy.sort(new Comparator<String>() {",
            "      @Override",
            "      public int compare(String a, String b) {",
            "        return Integer.compare(a.length(), b.length());",
            "      }",
            "    });",
            "    return copy;",
            "  }",
            "",
            "  public String summary(int minimum) {",
            "    class Tally {",
            "      int letters;",
            "",
            "      void add(String s) {",
            "        letters += s.length();",
            "      }",
            "    }",
            "    record Entry(String name, int length) {}",
            "    Tally tally = new Tally();",
            "    names.forEach(tally::add);",
            "    return names.stream()",
            "        .map(n -> new Entry(n, n.length()))",
            "        .filter(e -> e.length() >= minimum)",
            "        .map(Entry::name)",
            "        .collect(Collectors.joining(\",\", \"[\", \"] \" + tally.letters));",
            "  }",
            "",
            "  public Map<Integer, List<String>> groups() {",
            "    return names.stream().collect(Collectors.groupingBy(String::length));",
            "  }",
            "",
            "  public Runnable counting() {",
            "    return () -> counter = TWICE.apply(counter + " + i + ");",
            "  }",
            "",
            "  public String neighbour(" + neighbour + " other) {",
            "    return other == null ? \"" + name + "\" : other.toString() + counter;",
            "  }",
            "}",
            "");
    return write(src, pkg, name, text);
  }

  private static Path writeRecord(Path src, int i) throws IOException {
    String name = "Item" + i;
    String text =
        "package bench.records;\n\n"
            + "import dev.versioned.Counter;\n"
            + "import dev.versioned.Versioned;\n\n"
            + "@Versioned\n"
            + "public record "
            + name
            + "(long id, String title, java.math.BigDecimal price, @Counter int views,\n"
            + "    java.time.Instant updatedAt, java.util.UUID reference, int lockVersion) {}\n";
    return write(src, "bench.records", name, text);
  }

  private static Path write(Path src, String pkg, String name, String text) throws IOException {
    Path dir = src.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
