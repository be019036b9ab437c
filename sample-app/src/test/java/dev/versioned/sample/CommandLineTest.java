package dev.versioned.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Options: help, bad values, and a database that cannot be reached. */
class CommandLineTest {

  @Test
  void helpDescribesTheOptionsAndExitStatus() throws Exception {
    SampleProcess.Result r = SampleProcess.run("--help");

    assertEquals(0, r.exitCode(), r::toString);
    for (String text :
        new String[] {
          "Usage: versioned-sample",
          "--workers=W",
          "--orders=O",
          "--products=P",
          "--jdbc-url=URL",
          "--seed",
          "--work",
          "--verify",
          "--unsafe",
          "Exit status: 0 every invariant holds; 1 an invariant is broken; 2 bad options;"
        }) {
      assertTrue(r.output().contains(text), () -> text + "\n" + r);
    }
  }

  @Test
  void aBadValueExitsWithStatus2AndSaysWhy() throws Exception {
    SampleProcess.Result r = SampleProcess.run("--workers", "0");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.output().startsWith("--workers must be between 1 and 256, was 0"), r::toString);
    assertTrue(r.output().contains("Usage: versioned-sample"), r::toString);
  }

  @Test
  void anUnknownOptionExitsWithStatus2() throws Exception {
    SampleProcess.Result r = SampleProcess.run("--wokers", "4");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.output().contains("Unknown options: '--wokers'"), r::toString);
    assertTrue(r.output().contains("Possible solutions: --workers"), r::toString);
  }

  @Test
  void aNonNumberExitsWithStatus2() throws Exception {
    SampleProcess.Result r = SampleProcess.run("--orders", "many");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.output().contains("'many' is not an int"), r::toString);
  }

  @Test
  void splittingThePhasesNeedsADatabaseThatOutlivesTheProcess() throws Exception {
    SampleProcess.Result r = SampleProcess.run("--seed");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.output().contains("is in memory: pass --jdbc-url"), r::toString);
  }

  @Test
  void anUnsupportedDatabaseUrlExitsWithStatus2() throws Exception {
    SampleProcess.Result r = SampleProcess.run("--jdbc-url", "jdbc:sqlite:shop.db");

    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(
        r.output().contains("--jdbc-url must be a jdbc:h2:, jdbc:postgresql: or jdbc:mariadb: URL"),
        r::toString);
  }

  @Test
  void anUnreachableDatabaseExitsWithStatus3() throws Exception {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    SampleProcess.Result r =
        SampleProcess.run("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none", "--user", "nobody");

    assertEquals(3, r.exitCode(), r::toString);
    assertTrue(
        r.output().contains("error: cannot connect to jdbc:postgresql://127.0.0.1:1/none"),
        r::toString);
  }
}
