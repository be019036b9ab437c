package dev.versioned.bench;

import dev.versioned.Versioned;

/**
 * The benchmarked row: a key, two strings, a number and the lock column, on table {@code
 * bench_post}. Every implementation reads and writes the same five columns.
 *
 * @param id the key
 * @param title a short string, changed by every update
 * @param body a longer string, written unchanged by every update
 * @param views a number, incremented by update and modify
 * @param lockVersion the version
 */
@Versioned(table = "bench_post")
public record BenchPost(long id, String title, String body, int views, int lockVersion) {

  static final String BODY = "x".repeat(120);

  static BenchPost fresh(long id) {
    return new BenchPost(id, "title " + id, BODY, 0, 0);
  }

  /** The title every update writes: it alternates, so every update changes the row. */
  static String nextTitle(int views) {
    return (views & 1) == 0 ? "odd title" : "even title";
  }
}
