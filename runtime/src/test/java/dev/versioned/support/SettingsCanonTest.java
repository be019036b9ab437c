package dev.versioned.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.junit.jupiter.api.Test;

/**
 * One canonical copy per settings value. A single test, in order, because the map is shared by
 * the whole JVM and its last part fills it.
 */
class SettingsCanonTest {

  @Test
  void equalSettingsShareOneCopyAndOtherSettingsGetTheirOwn() {
    Settings original = new Settings();
    Settings canonical = SettingsCanon.of(original);
    assertNotSame(original, canonical, "a private copy, not the caller's object");
    assertEquals(original, canonical);
    assertSame(canonical, SettingsCanon.of(original), "found again by identity");

    // What jOOQ does for every transaction: a clone, equal by value.
    Settings clone = (Settings) original.clone();
    assertSame(canonical, SettingsCanon.of(clone));

    // The copy does not follow later changes to the caller's object.
    Settings changing = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
    Settings never = SettingsCanon.of(changing);
    changing.setRenderQuotedNames(RenderQuotedNames.ALWAYS);
    assertEquals(RenderQuotedNames.NEVER, never.getRenderQuotedNames());
    assertNotEquals(canonical, never);

    // Enough objects that the ones above drop out of the recent ones: found again by value.
    for (int i = 0; i < 2 * SettingsCanon.RECENT; i++) {
      SettingsCanon.of((Settings) original.clone());
    }
    assertSame(canonical, SettingsCanon.of(new Settings()));
    assertSame(never, SettingsCanon.of(new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)));

    // Past the limit of distinct values, new values get none (their statements render per call),
    // and the known ones keep theirs.
    List<Settings> copies = new ArrayList<>();
    Settings last = null;
    for (int i = 1; i <= SettingsCanon.MAX_VALUES; i++) {
      last = new Settings().withQueryTimeout(i);
      Settings copy = SettingsCanon.of(last);
      if (copy != null) {
        assertEquals(last, copy);
        copies.add(copy);
      }
    }
    assertNull(SettingsCanon.of(last), "the limit was reached");
    assertSame(canonical, SettingsCanon.of((Settings) original.clone()));
    for (Settings copy : copies) {
      assertSame(copy, SettingsCanon.of((Settings) copy.clone()));
    }
  }
}
