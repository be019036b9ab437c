package dev.versioned.micrometer;

import dev.versioned.Versioned;

/**
 * A row of stock, the hot row of the tests.
 *
 * @param id the key
 * @param quantity the quantity
 * @param lockVersion the version
 */
@Versioned
public record Stock(long id, int quantity, int lockVersion) {}
