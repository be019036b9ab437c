package dev.versioned.it;

import dev.versioned.Versioned;

/**
 * The root of an aggregate: a purchase, whose lines touch it.
 *
 * @param id the key
 * @param customer the customer
 * @param lockVersion the version, incremented by every write of one of its lines
 */
@Versioned
public record Purchase(long id, String customer, int lockVersion) {}
