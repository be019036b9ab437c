package dev.versioned.support;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jooq.conf.Settings;

/**
 * Maps every {@link Settings} object a context brings to one private copy per distinct value, so
 * that a {@link CachedStatement} can key its SQL by that copy's identity.
 *
 * <p>jOOQ gives every transaction, and every derived configuration, a clone of its context's
 * {@code Settings}. Comparing such a clone with a cached one is {@link Settings#equals} over some
 * hundreds of fields (about 0.4 µs, and as much again for {@link Settings#hashCode}); without this
 * map each statement of a transaction would pay it. Here a clone is compared by value once, when
 * it is first seen, and then found by identity among the {@value #RECENT} objects seen last.
 *
 * <p>A {@code Settings} object changed in place after it was seen may keep the copy it was first
 * mapped to, until it drops out of the recent objects: give a context other settings by giving it
 * another {@code Settings} object.
 */
final class SettingsCanon {
  /** Distinct values kept; past that, {@link #of} answers null and statements render per call. */
  static final int MAX_VALUES = 32;

  /** Objects remembered by identity: enough for the transactions of several threads at once. */
  static final int RECENT = 16;

  private static final Object LOCK = new Object();
  private static volatile Settings[] values = new Settings[0];
  private static final AtomicReferenceArray<Seen> recent = new AtomicReferenceArray<>(RECENT);
  private static final AtomicInteger next = new AtomicInteger();

  private record Seen(Settings settings, Settings canonical) {}

  private SettingsCanon() {}

  /**
   * The private copy of these settings' value.
   *
   * @param settings the settings of a configuration
   * @return the copy equal to {@code settings}, the same object for every equal value; null when
   *     {@value #MAX_VALUES} other values are known already
   */
  static Settings of(Settings settings) {
    for (int i = 0; i < RECENT; i++) {
      Seen seen = recent.get(i);
      if (seen != null && seen.settings == settings) {
        return seen.canonical;
      }
    }
    Settings canonical = find(settings);
    if (canonical != null) {
      recent.set(Math.floorMod(next.getAndIncrement(), RECENT), new Seen(settings, canonical));
    }
    return canonical;
  }

  private static Settings find(Settings settings) {
    Settings found = equal(values, settings);
    if (found != null) {
      return found;
    }
    synchronized (LOCK) {
      Settings[] known = values;
      found = equal(known, settings);
      if (found != null || known.length >= MAX_VALUES) {
        return found;
      }
      // A copy: the caller's object may change later; the copy never does.
      Settings copy = (Settings) settings.clone();
      Settings[] more = Arrays.copyOf(known, known.length + 1);
      more[known.length] = copy;
      values = more;
      return copy;
    }
  }

  private static Settings equal(Settings[] known, Settings settings) {
    for (Settings value : known) {
      if (value.equals(settings)) {
        return value;
      }
    }
    return null;
  }
}
