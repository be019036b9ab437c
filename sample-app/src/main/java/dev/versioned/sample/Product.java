package dev.versioned.sample;

import dev.versioned.Counter;
import dev.versioned.Id;
import dev.versioned.Version;
import dev.versioned.Versioned;
import java.math.BigDecimal;

/**
 * A product in stock. The processor turns this record into {@code ProductRepository}, table {@code
 * product} (see {@code db/migration/V1__inventory.sql}).
 *
 * <p>Every order writes this row twice: {@code modify} takes the units off {@code stock}
 * (version-checked, retried on conflict), then {@code incrementUnitsSold} adds them to the counter
 * (one atomic {@code UPDATE}). Each write adds one to {@code lockVersion}, so after a run {@code
 * lockVersion == 2 * orders + priceChanges} for every product, and {@code stock + unitsSold ==
 * initialStock}.
 *
 * @param id the key
 * @param name shown in the report
 * @param price the current unit price
 * @param initialStock the units received when the database was seeded
 * @param stock the units not yet sold
 * @param unitsSold units sold so far, an atomic counter
 * @param priceChanges how many price changes were applied (each is one write)
 * @param discontinued a product the run deletes instead of selling
 * @param lockVersion the optimistic lock: the number of updates since the row was inserted
 */
@Versioned
public record Product(
    @Id long id,
    String name,
    BigDecimal price,
    int initialStock,
    int stock,
    @Counter int unitsSold,
    int priceChanges,
    boolean discontinued,
    @Version long lockVersion) {

  /** A copy with {@code quantity} units fewer in stock. */
  Product reserve(int quantity) {
    return new Product(
        id,
        name,
        price,
        initialStock,
        stock - quantity,
        unitsSold,
        priceChanges,
        discontinued,
        lockVersion);
  }

  /** A copy with a new price, counting the change. */
  Product reprice(BigDecimal newPrice) {
    return new Product(
        id,
        name,
        newPrice,
        initialStock,
        stock,
        unitsSold,
        priceChanges + 1,
        discontinued,
        lockVersion);
  }
}
