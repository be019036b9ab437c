package dev.versioned.spring.bench;

import dev.versioned.spring.app.Account;
import dev.versioned.spring.app.AccountRepository;
import dev.versioned.spring.app.TestApplication;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * findById, update and modify inside a Spring Boot application, in interleaved rounds in one JVM:
 * the repository bean on Boot's {@code DSLContext} (proxied by Boot's exception translation, with
 * the module's translating listener), the same repository constructed on Boot's {@code DSLContext}
 * (no proxy), the same repository on a plain {@code DSLContext} over the
 * same pool, the repository on Boot's configuration with a listener that is not a translator (what
 * Boot's own listener costs without the module), and hand-written JDBC on the same pool. Prints the
 * median time per call of each and the ratios.
 *
 * <pre>
 * versioned-spring/benchmark.sh h2            # or postgresql; ROUNDS and CALLS override the sizes
 * </pre>
 */
public final class BootBenchmark {
  private static final String[] OPS = {"findById", "update", "modify"};

  private BootBenchmark() {}

  /** One way to run the three operations on its own row. */
  private interface Variant {
    void findById();

    void update();

    void modify();
  }

  /**
   * Runs the benchmark.
   *
   * @param args {@code h2} or {@code postgresql}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String db = args.length > 0 ? args[0] : "h2";
    boolean pg = db.equals("postgresql");
    int rounds = Integer.getInteger("rounds", pg ? 15 : 25);
    int calls = Integer.getInteger("calls", pg ? 300 : 3000);
    SpringApplication app = new SpringApplication(TestApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    List<String> props = new ArrayList<>();
    props.add("--logging.level.root=warn");
    props.add("--spring.main.banner-mode=off");
    props.add("--spring.datasource.hikari.maximum-pool-size=4");
    props.add("--versioned.test.count-repository-calls=false"); // the test application's aspect
    if (pg) {
      props.add(
          "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=versioned_spring");
      props.add("--spring.datasource.username=postgres");
      props.add("--spring.flyway.schemas=versioned_spring");
      props.add("--spring.flyway.default-schema=versioned_spring");
    } else {
      props.add("--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
      props.add("--spring.datasource.username=sa");
    }
    try (ConfigurableApplicationContext context = app.run(props.toArray(String[]::new))) {
      DSLContext boot = context.getBean(DSLContext.class);
      DataSource pool = context.getBean(DataSource.class);
      AccountRepository bean = context.getBean(AccountRepository.class);
      boot.deleteFrom(AccountRepository.TABLE).execute();

      ExecuteListener bootListener = boot.configuration().executeListenerProviders()[0].provide();
      ExecuteListener plainListener =
          new ExecuteListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void exception(ExecuteContext ctx) {
              bootListener.exception(ctx);
            }
          };
      DSLContext bootWithoutModule =
          DSL.using(
              boot.configuration()
                  .derive(new ExecuteListenerProvider[] {new DefaultExecuteListenerProvider(plainListener)}));

      Map<String, Variant> variants = new LinkedHashMap<>();
      variants.put("Boot bean", repository(bean, 1));
      variants.put("Boot DSLContext", repository(new AccountRepository(boot), 5));
      variants.put("plain DSLContext", repository(new AccountRepository(DSL.using(pool, boot.dialect())), 2));
      variants.put("Boot, jOOQ path", repository(new AccountRepository(bootWithoutModule), 3));
      variants.put("JDBC", jdbc(pool, 4));

      // name -> op -> per-round ns per call
      Map<String, double[][]> times = new LinkedHashMap<>();
      for (String name : variants.keySet()) {
        times.put(name, new double[OPS.length][rounds]);
      }
      List<String> order = new ArrayList<>(variants.keySet());
      for (int warm = 0; warm < 3; warm++) {
        for (Variant v : variants.values()) {
          run(v, 0, calls);
          run(v, 1, calls);
          run(v, 2, calls);
        }
      }
      for (int r = 0; r < rounds; r++) {
        java.util.Collections.rotate(order, 1);
        for (int op = 0; op < OPS.length; op++) {
          for (String name : order) {
            long start = System.nanoTime();
            run(variants.get(name), op, calls);
            times.get(name)[op][r] = (System.nanoTime() - start) / (double) calls;
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%s, %d rounds x %d calls, median us per call (ratio to plain DSLContext; to JDBC)%n",
          db,
          rounds,
          calls);
      System.out.printf(Locale.ROOT, "| %-18s |", "");
      for (String op : OPS) {
        System.out.printf(Locale.ROOT, " %-26s |", op);
      }
      System.out.println();
      for (String name : variants.keySet()) {
        System.out.printf(Locale.ROOT, "| %-18s |", name);
        for (int op = 0; op < OPS.length; op++) {
          double m = median(times.get(name)[op]);
          double plain = median(times.get("plain DSLContext")[op]);
          double jdbc = median(times.get("JDBC")[op]);
          System.out.printf(
              Locale.ROOT, " %7.1f (%.2fx; %.2fx)       |", m / 1000, m / plain, m / jdbc);
        }
        System.out.println();
      }
      boot.deleteFrom(AccountRepository.TABLE).execute();
    }
  }

  private static void run(Variant v, int op, int calls) {
    for (int i = 0; i < calls; i++) {
      switch (op) {
        case 0 -> v.findById();
        case 1 -> v.update();
        default -> v.modify();
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static Variant repository(AccountRepository repo, long id) {
    Account[] current = {repo.insert(new Account(id, "bench", 0, 0))};
    return new Variant() {
      @Override
      public void findById() {
        if (repo.findById(id).isEmpty()) {
          throw new IllegalStateException("row " + id + " is missing");
        }
      }

      @Override
      public void update() {
        current[0] = repo.update(current[0].plus(1));
      }

      @Override
      public void modify() {
        current[0] = repo.modify(id, a -> a.plus(1));
      }
    };
  }

  /** Hand-written JDBC: the same statements, one connection from the pool per call. */
  private static Variant jdbc(DataSource pool, long id) throws SQLException {
    String select =
        "select \"id\", \"owner\", \"balance\", \"lock_version\" from \"spring_account\" where \"id\" = ?";
    String update =
        "update \"spring_account\" set \"owner\" = ?, \"balance\" = ?, \"lock_version\" ="
            + " \"lock_version\" + 1 where \"id\" = ? and \"lock_version\" = ?";
    try (Connection c = pool.getConnection();
        PreparedStatement insert =
            c.prepareStatement("insert into \"spring_account\" values (?, 'bench', 0, 0)")) {
      insert.setLong(1, id);
      insert.executeUpdate();
    }
    Account[] current = {new Account(id, "bench", 0, 0)};
    return new Variant() {
      private Account read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select)) {
          s.setLong(1, id);
          try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
              throw new IllegalStateException("row " + id + " is missing");
            }
            return new Account(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
          }
        }
      }

      private Account write(Connection c, Account a, LongUnaryOperator balance) throws SQLException {
        Account changed = new Account(a.id(), a.owner(), balance.applyAsLong(a.balance()), a.lockVersion());
        try (PreparedStatement s = c.prepareStatement(update)) {
          s.setString(1, changed.owner());
          s.setLong(2, changed.balance());
          s.setLong(3, changed.id());
          s.setLong(4, changed.lockVersion());
          if (s.executeUpdate() != 1) {
            throw new IllegalStateException("stale row " + id);
          }
        }
        return new Account(changed.id(), changed.owner(), changed.balance(), changed.lockVersion() + 1);
      }

      @Override
      public void findById() {
        try (Connection c = pool.getConnection()) {
          read(c);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void update() {
        try (Connection c = pool.getConnection()) {
          current[0] = write(c, current[0], b -> b + 1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void modify() {
        try (Connection c = pool.getConnection()) {
          c.setAutoCommit(false);
          try {
            current[0] = write(c, read(c), b -> b + 1);
            c.commit();
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
