package dev.versioned.sample;

import dev.versioned.Versioned;
import java.math.BigDecimal;

/**
 * A placed order, written once ({@code insert}) in the same transaction that takes its units off
 * the product's stock. The table is {@code customer_order} because {@code order} is a reserved word
 * (Versioned would quote it, but plain SQL in a console would not).
 *
 * <p>The key is a random UUID made by the program, so the migration needs no database-specific
 * identity column and several processes can insert at once.
 *
 * @param id the key (the {@code id} component is the key by convention)
 * @param productId the product ordered
 * @param customer who ordered
 * @param quantity units ordered
 * @param unitPrice the price when the order was placed
 * @param lockVersion the optimistic lock (by convention, the component named {@code lockVersion})
 */
@Versioned(table = "customer_order")
public record CustomerOrder(
    String id, long productId, String customer, int quantity, BigDecimal unitPrice, long lockVersion) {}
