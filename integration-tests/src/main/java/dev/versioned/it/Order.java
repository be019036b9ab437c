package dev.versioned.it;

import dev.versioned.Column;
import dev.versioned.Versioned;
import java.math.BigDecimal;

/**
 * Reserved words and a space as table and column names.
 *
 * @param id the key
 * @param group column {@code group}
 * @param user column {@code user}
 * @param unitPrice column {@code unit price}
 * @param lockVersion the version
 */
@Versioned(table = "order")
public record Order(
    long id,
    @Column("group") String group,
    @Column("user") String user,
    @Column("unit price") BigDecimal unitPrice,
    int lockVersion) {}
