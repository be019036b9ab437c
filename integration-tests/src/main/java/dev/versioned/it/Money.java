package dev.versioned.it;

/**
 * A value type mapped through {@link MoneyConverter}.
 *
 * @param cents the amount in cents
 */
public record Money(long cents) {}
