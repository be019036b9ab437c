package dev.versioned.bench;

import dev.versioned.Versioned;

/**
 * A row of the hot-rows benchmark: a counter that every call of {@code modify} increments.
 *
 * @param id the key
 * @param hits the calls that changed it
 * @param lockVersion the version
 */
@Versioned(table = "hot_rows_bench")
public record HotRow(long id, int hits, int lockVersion) {}
