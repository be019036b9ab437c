/**
 * Spring Boot auto-configuration for repositories generated with {@code -Aversioned.inject=spring}.
 */
package dev.versioned.spring;
