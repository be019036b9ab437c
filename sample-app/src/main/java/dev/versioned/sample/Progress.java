package dev.versioned.sample;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live progress of the workers: on a terminal, one line rewritten in place ten times a second;
 * otherwise (a pipe, a file, CI) a plain line every second.
 */
final class Progress implements AutoCloseable {
  private final PrintStream out;
  private final Stats stats;
  private final int total;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final ScheduledExecutorService timer;
  private int lastWidth;

  Progress(PrintStream out, Stats stats, int total, boolean terminal) {
    this.out = out;
    this.stats = stats;
    this.total = total;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "progress");
              t.setDaemon(true);
              return t;
            });
    long period = terminal ? 100 : 1000;
    timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Whether standard output is an interactive terminal. {@code System.console()} answers that up to
   * JDK 21; from JDK 22 it may return a console for redirected output too, and {@code
   * Console.isTerminal()} (called reflectively, as this program targets Java 17) tells.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17 to 21: a console means a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private synchronized void print() {
    // The outcomes before done, which workers increment first (see Workload).
    long placed = stats.placed.sum();
    long refused = stats.refused.sum();
    long conflicts = stats.conflicts.sum();
    long retries = stats.retries.sum();
    long done = stats.done.sum();
    double seconds = (System.nanoTime() - start) / 1e9;
    String line =
        String.format(
            Locale.ROOT,
            "  %,d/%,d orders  placed %,d  refused %,d  conflicts %,d  retries %,d  %,.0f orders/s",
            done,
            total,
            placed,
            refused,
            conflicts,
            retries,
            seconds > 0 ? done / seconds : 0.0);
    if (terminal) {
      String pad = " ".repeat(Math.max(0, lastWidth - line.length()));
      out.print("\r" + line + pad);
      lastWidth = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (terminal && lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      out.flush();
    }
  }
}
