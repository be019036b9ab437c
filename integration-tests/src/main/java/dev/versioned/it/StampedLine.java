package dev.versioned.it;

import dev.versioned.Counter;
import dev.versioned.Touch;
import dev.versioned.Version;
import dev.versioned.Versioned;
import java.time.Instant;

/**
 * A part of an aggregate with a timestamp version: every write of a line also increments the
 * integer version of its purchase.
 *
 * @param id the key
 * @param purchaseId the purchase it belongs to, or null for none
 * @param product the product
 * @param quantity how many
 * @param updatedAt the version: when the row was last written
 */
@Versioned(table = "stamped_line")
public record StampedLine(
    long id,
    @Touch(Purchase.class) Long purchaseId,
    String product,
    @Counter int quantity,
    @Version Instant updatedAt) {}
