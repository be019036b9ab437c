/** Records whose repositories the processor generates for the integration tests. */
package dev.versioned.it;
