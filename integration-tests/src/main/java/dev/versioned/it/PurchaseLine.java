package dev.versioned.it;

import dev.versioned.Counter;
import dev.versioned.Touch;
import dev.versioned.Versioned;

/**
 * A part of an aggregate: every write of a line also increments the version of its purchase.
 *
 * @param id the key
 * @param purchaseId the purchase it belongs to, or null for none
 * @param product the product
 * @param quantity how many
 * @param lockVersion the version
 */
@Versioned(table = "purchase_line")
public record PurchaseLine(
    long id,
    @Touch(Purchase.class) Long purchaseId,
    String product,
    @Counter int quantity,
    int lockVersion) {}
