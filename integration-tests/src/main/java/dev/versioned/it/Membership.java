package dev.versioned.it;

import dev.versioned.Id;
import dev.versioned.Versioned;

/**
 * A composite key, in declaration order.
 *
 * @param orgId the first key component
 * @param userName the second key component
 * @param role a value
 * @param lockVersion the version
 */
@Versioned
public record Membership(@Id long orgId, @Id String userName, String role, int lockVersion) {}
