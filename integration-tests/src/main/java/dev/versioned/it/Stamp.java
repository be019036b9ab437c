package dev.versioned.it;

import dev.versioned.Counter;
import dev.versioned.Version;
import dev.versioned.Versioned;
import java.time.Instant;

/**
 * A timestamp version of the default precision (microseconds), with a counter.
 *
 * @param id the key
 * @param title a text
 * @param hits a counter
 * @param updatedAt the version: when the row was last written
 */
@Versioned
public record Stamp(long id, String title, @Counter int hits, @Version Instant updatedAt) {}
