package dev.versioned.sample;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the sample program as a separate process, as a user would: the current {@code java}, the
 * test class path (which holds the built classes and every dependency), {@link Main}.
 */
final class SampleProcess {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path output;
  private final List<String> command;

  private SampleProcess(Process process, Path output, List<String> command) {
    this.process = process;
    this.output = output;
    this.command = command;
  }

  /** The finished run: exit status and everything printed (standard output and error). */
  record Result(int exitCode, String output, List<String> command) {
    /**
     * The number printed after {@code label} at the start of a report line (commas allowed),
     * failing the test if there is none. Progress lines, which start with a number, never match.
     */
    long number(String label) {
      Matcher m =
          Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s+([0-9,]+)").matcher(output);
      if (!m.find()) {
        fail("no \"" + label + "\" in the output:\n" + output);
      }
      return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Override
    public String toString() {
      return String.join(" ", command) + "\nexit " + exitCode + "\n" + output;
    }
  }

  /** Starts the program with these arguments; {@link #await()} collects the result. */
  static SampleProcess start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A run lasts seconds: on a 2-core machine the C2 compiler would mostly compete with the run
    // for the CPU. C1 alone and the serial collector keep each process light; behaviour is the same.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Path output = Files.createTempFile("versioned-sample-", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
            .start();
    return new SampleProcess(process, output, command);
  }

  /** Runs the program to the end. */
  static Result run(String... args) throws IOException, InterruptedException {
    return start(args).await();
  }

  Result await() throws IOException, InterruptedException {
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail("still running after " + TIMEOUT + ": " + String.join(" ", command) + "\n" + read());
    }
    String text = read();
    Files.deleteIfExists(output);
    return new Result(process.exitValue(), text, command);
  }

  private String read() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
