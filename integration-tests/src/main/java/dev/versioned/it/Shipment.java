package dev.versioned.it;

import dev.versioned.Version;
import dev.versioned.Versioned;
import java.time.Instant;

/**
 * The root of an aggregate with a timestamp version, which the writes of its parcels advance.
 *
 * @param id the key
 * @param carrier the carrier
 * @param updatedAt the version: when the shipment or one of its parcels was last written
 */
@Versioned
public record Shipment(long id, String carrier, @Version Instant updatedAt) {}
