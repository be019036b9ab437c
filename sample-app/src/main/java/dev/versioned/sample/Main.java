package dev.versioned.sample;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.SQLDialect;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line: options, phases, report, exit code. */
@Command(
    name = "versioned-sample",
    sortOptions = false,
    sortSynopsis = false,
    usageHelpAutoWidth = true,
    description = {
      "An inventory shop under load: W workers place O orders for P products at once. Each order"
          + " takes units off a product's stock with the generated repository's optimistic locking"
          + " (modify: read, change, write only if the version is unchanged, else reread and"
          + " retry), counts them as sold (incrementUnitsSold) and records the order. Then the"
          + " program checks that no update was lost. It runs on an in-memory H2 database unless"
          + " --jdbc-url names another.",
      ""
    },
    footer = {
      "",
      "With none of --seed, --work, --verify, it does all three in this process. To run workers"
          + " in several processes against one server: --seed once, --work in each process,"
          + " --verify at the end, all with the same --jdbc-url.",
      "",
      "Exit status: 0 every invariant holds; 1 an invariant is broken; 2 bad options; 3 the"
          + " program could not run (database unreachable, not seeded, ...).",
      "",
      "Examples:",
      "  java -jar versioned-sample-app.jar",
      "  java -jar versioned-sample-app.jar --unsafe",
      "  java -jar versioned-sample-app.jar --workers 16 --products 3 --stock 2000",
      "  java -jar versioned-sample-app.jar \\",
      "      --jdbc-url jdbc:postgresql://127.0.0.1:5432/test --user postgres",
      "  java -jar versioned-sample-app.jar \\",
      "      --jdbc-url jdbc:mariadb://127.0.0.1:3306/test --user root"
    })
public final class Main implements Callable<Integer> {

  /** Exit status: the program could not run. */
  static final int EXIT_ERROR = 3;

  @Spec CommandSpec spec;

  @Option(
      names = {"-w", "--workers"},
      paramLabel = "W",
      description = "Worker threads placing orders (default: ${DEFAULT-VALUE}).",
      defaultValue = "8")
  int workers;

  @Option(
      names = {"-o", "--orders"},
      paramLabel = "O",
      description = "Orders this process places, 1 to 3 units each (default: ${DEFAULT-VALUE}).",
      defaultValue = "1000")
  int orders;

  @Option(
      names = {"-p", "--products"},
      paramLabel = "P",
      description = "Products in the catalog, when seeding (default: ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int products;

  @Option(
      names = "--stock",
      paramLabel = "N",
      description = "Units of each product, when seeding (default: ${DEFAULT-VALUE}).",
      defaultValue = "350")
  int stock;

  @Option(
      names = "--think-ms",
      paramLabel = "MS",
      description =
          "Milliseconds an order spends between reading the product and writing it back, as a real"
              + " service would; 0 for none (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int thinkMillis;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      description =
          "Attempts modify makes for one order before it gives up on conflicts (default:"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "20")
  int maxAttempts;

  @Option(
      names = "--lock-after",
      paramLabel = "N",
      description =
          "Conflicting attempts after which modify reads the product with a row lock (SELECT ..."
              + " FOR UPDATE), so that its write cannot conflict; 0 never locks: pure optimistic"
              + " locking (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int lockAfter;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "The database: jdbc:h2:..., jdbc:postgresql://... or jdbc:mariadb://... (default: an"
              + " in-memory H2 database).",
      defaultValue = Database.DEFAULT_URL,
      showDefaultValue = CommandLine.Help.Visibility.NEVER)
  String jdbcUrl;

  @Option(names = "--user", paramLabel = "USER", description = "Database user.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "Database password.")
  String password;

  @Option(
      names = "--seed",
      description = "Create the schema (Flyway) and a fresh catalog, deleting earlier orders.")
  boolean seed;

  @Option(names = "--work", description = "Place orders in a database already seeded.")
  boolean work;

  @Option(names = "--verify", description = "Check the invariants; exit 1 if one is broken.")
  boolean verify;

  @Option(
      names = "--unsafe",
      description =
          "Place the same orders with plain read-then-write UPDATEs, no version check, and"
              + " count the updates lost. With --verify alone: skip the version check, which"
              + " --unsafe writes do not keep.")
  boolean unsafe;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  /** Runs the program and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the program and returns its exit status. */
  static int run(String... args) {
    // jOOQ logs its banner and tips through SLF4J (silent here); make sure they never print.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("error: " + message(e));
          return EXIT_ERROR;
        });
    return cli.execute(args);
  }

  /** The failure's message, and its root cause's when that says something more. */
  private static String message(Throwable e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    String root = Database.rootMessage(e);
    return m.contains(root) ? m : m + ": " + root;
  }

  @Override
  public Integer call() throws InterruptedException {
    validate();
    boolean all = !seed && !work && !verify;
    boolean doSeed = all || seed;
    boolean doWork = all || work;
    boolean doVerify = all || verify;
    PrintStream out = System.out;

    out.println("Versioned sample: an inventory shop taking concurrent orders");
    try (Database db = Database.open(jdbcUrl, user, password, workers + 1)) {
      out.printf(
          Locale.ROOT,
          "  database  %s at %s, pool of %d connections%n",
          db.description(),
          shortUrl(jdbcUrl),
          workers + 1);
      out.println(
          unsafe
              ? "  mode      --unsafe: plain read-then-write UPDATEs, no version check"
              : "  mode      optimistic locking: generated repositories only");
      MigrateResult migration = db.migrate();
      out.println(
          migration.migrationsExecuted > 0
              ? "  schema    Flyway applied "
                  + migration.migrationsExecuted
                  + " migration(s), now at version "
                  + migration.targetSchemaVersion
              : "  schema    up to date (Flyway, version " + migration.initialSchemaVersion + ")");

      Stats stats = new Stats();
      Pause pause = new Pause(thinkMillis);
      Shop shop =
          unsafe
              ? new UnsafeShop(db.dsl(), pause)
              : new SafeShop(db.dsl(), maxAttempts, lockAfter, pause, stats);

      if (doSeed) {
        int inserted = Catalog.seed(db.dsl(), products, stock).size();
        out.printf(
            Locale.ROOT,
            "Seed: %d products with %,d units each, and 1 discontinued product (insertAll)%n",
            inserted - 1,
            stock);
      }
      if (doWork) {
        work(shop, stats, out);
      }
      if (doVerify) {
        Verifier.Verification v = Verifier.verify(db.dsl(), unsafe);
        if (v.rows().isEmpty()) {
          throw new IllegalStateException(
              "nothing to verify: the database has no products (run with --seed first)");
        }
        Verifier.print(v, unsafe, out);
        return v.ok() ? 0 : 1;
      }
      return 0;
    }
  }

  private void work(Shop shop, Stats stats, PrintStream out) throws InterruptedException {
    out.printf(
        Locale.ROOT,
        "Work: %d workers place %,d orders of 1-3 units, %d ms between read and write%n",
        workers,
        orders,
        thinkMillis);
    out.flush();
    Workload.Result r;
    try (Progress progress = new Progress(out, stats, orders, Progress.stdoutIsTerminal())) {
      r = Workload.run(shop, workers, orders, stats, progress);
    }
    double seconds = r.elapsedNanos() / 1e9;
    long done = stats.done.sum();
    out.printf(Locale.ROOT, "Done: %,d orders in %.2f s%n", done, seconds);
    out.printf(
        Locale.ROOT,
        "  placed               %,7d orders, %,d units%n",
        stats.placed.sum(),
        stats.unitsPlaced.sum());
    out.printf(
        Locale.ROOT, "  refused              %,7d orders: not enough stock left%n", stats.refused.sum());
    if (unsafe) {
      out.printf(
          Locale.ROOT,
          "  conflicts detected   %,7d (nothing checks: --unsafe writes without a version)%n",
          stats.conflicts.sum());
      out.printf(Locale.ROOT, "  retries              %,7d%n", stats.retries.sum());
    } else {
      out.printf(
          Locale.ROOT,
          "  given up             %,7d orders: still conflicting after %d attempts%n",
          stats.gaveUp.sum(),
          maxAttempts);
      out.printf(
          Locale.ROOT,
          "  conflicts detected   %,7d stale writes refused by the version check, nothing"
              + " overwritten%n",
          stats.conflicts.sum() + stats.batchConflicts.sum());
      out.printf(
          Locale.ROOT,
          "  retries              %,7d rereads and new attempts (modify, price batch)%n",
          stats.retries.sum() + stats.batchRetries.sum());
      out.printf(
          Locale.ROOT,
          "  escalated            %,7d attempts read the product with a row lock (%s)%n",
          stats.escalated.sum(),
          lockAfter == 0
              ? "--lock-after 0: never"
              : "--lock-after " + lockAfter + ": after " + lockAfter + " conflicting attempt"
                  + (lockAfter == 1 ? "" : "s"));
    }
    out.printf(
        Locale.ROOT,
        "  throughput           %,7.0f orders/s%n",
        seconds > 0 ? done / seconds : 0.0);
    Shop.PriceChange pc = r.priceChange();
    if (pc != null) {
      String how =
          unsafe
              ? "plain UPDATEs"
              : pc.applied()
                  ? "updateAll, one batch; "
                      + (pc.attempts() == 1
                          ? "first attempt"
                          : "attempt " + pc.attempts() + ", after " + (pc.attempts() - 1)
                              + " stale batches rolled back")
                  : "updateAll: GAVE UP after " + pc.attempts() + " stale batches";
      out.printf(
          Locale.ROOT,
          "  price change            +%d%% on %d products mid-run (%s)%n",
          Workload.PRICE_RAISE_PERCENT,
          pc.products(),
          how);
    }
    long deleted = r.discontinuedDeleted();
    out.printf(
        Locale.ROOT,
        "  discontinued         %,7d product%s deleted (%s)%n",
        deleted,
        deleted == 1 ? "" : "s",
        unsafe
            ? "plain DELETE"
            : deleted == 0
                ? "another process deleted it first"
                : "version-checked delete");
  }

  private void validate() {
    require(workers >= 1 && workers <= 256, "--workers must be between 1 and 256, was " + workers);
    require(orders >= 0, "--orders must not be negative, was " + orders);
    require(
        products >= 1 && products <= 100_000,
        "--products must be between 1 and 100000, was " + products);
    require(stock >= 0 && stock <= 1_000_000_000, "--stock must be between 0 and 1000000000");
    require(
        thinkMillis >= 0 && thinkMillis <= 10_000,
        "--think-ms must be between 0 and 10000, was " + thinkMillis);
    require(
        maxAttempts >= 1 && maxAttempts <= 1000,
        "--max-attempts must be between 1 and 1000, was " + maxAttempts);
    require(lockAfter >= 0, "--lock-after must not be negative, was " + lockAfter);
    require(
        Database.dialect(jdbcUrl) != SQLDialect.DEFAULT,
        "--jdbc-url must be a jdbc:h2:, jdbc:postgresql: or jdbc:mariadb: URL, was " + jdbcUrl);
    boolean all = !seed && !work && !verify;
    require(
        all || !Database.inMemory(jdbcUrl),
        "--seed, --work and --verify run in separate processes, so they need a database that"
            + " outlives a process, but "
            + shortUrl(jdbcUrl)
            + " is in memory: pass --jdbc-url (for example jdbc:h2:./sample-db, or a PostgreSQL"
            + " URL), or leave out all three to run everything here");
  }

  private void require(boolean condition, String message) {
    if (!condition) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /** The URL without its parameters, which may hold credentials. */
  static String shortUrl(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int i = url.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return url.substring(0, cut);
  }
}
