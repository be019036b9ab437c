package dev.versioned.it;

import dev.versioned.Counter;
import dev.versioned.Versioned;

/**
 * A single-key record using the conventions: {@code id} is the key, {@code lockVersion} the lock.
 *
 * @param id the key
 * @param title the title
 * @param views a counter
 * @param lockVersion the version
 */
@Versioned
public record Post(long id, String title, @Counter int views, int lockVersion) {}
