package dev.versioned.micrometer;

import dev.versioned.ConflictEvent;
import dev.versioned.ConflictListener;
import dev.versioned.ModifyEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Configuration;

/**
 * The conflicts of Versioned repositories as Micrometer meters:
 *
 * <ul>
 *   <li>{@code versioned.conflicts} (counter): each conflict, of a single write or of one attempt of
 *       {@code modify};
 *   <li>{@code versioned.retries} (counter): each retry of {@code modify};
 *   <li>{@code versioned.gave.up} (counter): each call of {@code modify} that ran out of attempts;
 *   <li>{@code versioned.modify} (timer): each call of {@code modify}, from call to return or throw,
 *       tagged also {@code outcome} ({@code succeeded}, {@code gave_up}, {@code not_retried},
 *       {@code failed}).
 * </ul>
 *
 * <p>Every meter is tagged {@code table} (as in messages: {@code schema.table} or {@code table})
 * and {@code operation} (the repository method: {@code update}, {@code updateChanged}, {@code
 * touch}, {@code delete}, {@code updateAll}, {@code deleteAll}, {@code modify}). Keys are never
 * tags: their number is unbounded.
 *
 * <p>Bind it once per jOOQ configuration:
 *
 * <pre>{@code
 * MicrometerConflictListener.bindTo(dsl.configuration(), meterRegistry);
 * }</pre>
 *
 * <p>Meters are looked up once per table and operation and kept: a call of {@code modify} that
 * meets no conflict records its timer without allocating.
 */
public final class MicrometerConflictListener implements ConflictListener {
  /** The counter of conflicts. */
  public static final String CONFLICTS = "versioned.conflicts";

  /** The counter of retries of {@code modify}. */
  public static final String RETRIES = "versioned.retries";

  /** The counter of calls of {@code modify} that gave up. */
  public static final String GAVE_UP = "versioned.gave.up";

  /** The timer of calls of {@code modify}. */
  public static final String MODIFY = "versioned.modify";

  private static final ModifyEvent.Outcome[] OUTCOMES = ModifyEvent.Outcome.values();

  private final MeterRegistry registry;
  private final Map<String, Map<ConflictEvent.Operation, Counter[]>> counters =
      new ConcurrentHashMap<>();
  private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

  /**
   * A listener that records into a registry; register it with {@link
   * ConflictListener#register}, or use {@link #bindTo}.
   *
   * @param registry where the meters go
   * @throws NullPointerException if {@code registry} is null
   */
  public MicrometerConflictListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Registers a new listener on a configuration, recording into a registry.
   *
   * @param configuration the jOOQ configuration of the repositories' {@code DSLContext}
   * @param registry where the meters go
   * @return the listener registered
   * @throws NullPointerException if an argument is null
   */
  public static MicrometerConflictListener bindTo(
      Configuration configuration, MeterRegistry registry) {
    MicrometerConflictListener listener = new MicrometerConflictListener(registry);
    ConflictListener.register(configuration, listener);
    return listener;
  }

  @Override
  public void onConflict(ConflictEvent conflict) {
    counters(conflict)[0].increment();
  }

  @Override
  public void onRetry(ConflictEvent conflict, Duration backoff, boolean lockingRead) {
    counters(conflict)[1].increment();
  }

  @Override
  public void onGiveUp(ConflictEvent conflict) {
    counters(conflict)[2].increment();
  }

  @Override
  public void onModify(ModifyEvent modify) {
    Timer[] byOutcome = timers.get(modify.table());
    if (byOutcome == null) {
      byOutcome = timers.computeIfAbsent(modify.table(), this::modifyTimers);
    }
    byOutcome[modify.outcome().ordinal()].record(modify.elapsed());
  }

  /** The conflicts, retries and gave-up counters of the event's table and operation. */
  private Counter[] counters(ConflictEvent conflict) {
    return counters
        .computeIfAbsent(conflict.table(), t -> new ConcurrentHashMap<>())
        .computeIfAbsent(conflict.operation(), op -> new Counter[] {
          counter(CONFLICTS, "Conflicts met by version-checked writes and modify attempts",
              conflict.table(), op),
          counter(RETRIES, "Retries of modify after a conflict", conflict.table(), op),
          counter(GAVE_UP, "Calls of modify that ran out of attempts", conflict.table(), op)
        });
  }

  private Counter counter(
      String name, String description, String table, ConflictEvent.Operation operation) {
    return Counter.builder(name)
        .description(description)
        .tag("table", table)
        .tag("operation", operation.methodName())
        .register(registry);
  }

  private Timer[] modifyTimers(String table) {
    Timer[] byOutcome = new Timer[OUTCOMES.length];
    for (ModifyEvent.Outcome outcome : OUTCOMES) {
      byOutcome[outcome.ordinal()] =
          Timer.builder(MODIFY)
              .description("Calls of modify, from call to return or throw, retries included")
              .tag("table", table)
              .tag("operation", ConflictEvent.Operation.MODIFY.methodName())
              .tag("outcome", outcome.tag())
              .register(registry);
    }
    return byOutcome;
  }
}
