package dev.versioned.it;

import dev.versioned.Counter;
import dev.versioned.Id;
import dev.versioned.Version;
import dev.versioned.Versioned;
import java.math.BigDecimal;

/**
 * A boxed key left to the database (identity) and a nullable boxed version.
 *
 * @param id the generated key
 * @param owner the owner
 * @param balance the balance
 * @param logins a nullable counter
 * @param version the version, null for rows written by other tools
 */
@Versioned
public record Account(
    @Id Long id, String owner, BigDecimal balance, @Counter Long logins, @Version Long version) {}
