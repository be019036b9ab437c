package dev.versioned.it;

import dev.versioned.Version;
import dev.versioned.Versioned;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A {@code LocalDateTime} timestamp version (UTC wall-clock time), of millisecond precision: the
 * SQLite driver writes a {@code LocalDateTime} with milliseconds.
 *
 * @param id the key
 * @param title a text
 * @param updatedAt the version
 */
@Versioned(table = "local_stamp")
public record LocalStamp(
    long id, String title, @Version(precision = ChronoUnit.MILLIS) LocalDateTime updatedAt) {}
