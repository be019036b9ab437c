package dev.versioned.it;

import dev.versioned.Counter;
import dev.versioned.Touch;
import dev.versioned.Versioned;

/**
 * A part of an aggregate whose root has a timestamp version: every write of a parcel advances the
 * version of its shipment to the later of now and that version plus one microsecond.
 *
 * @param id the key
 * @param shipmentId the shipment it belongs to, or null for none
 * @param label the label
 * @param weight a counter
 * @param lockVersion the version
 */
@Versioned
public record Parcel(
    long id,
    @Touch(Shipment.class) Long shipmentId,
    String label,
    @Counter int weight,
    int lockVersion) {}
