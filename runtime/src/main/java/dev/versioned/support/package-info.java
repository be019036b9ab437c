/**
 * Support code that generated repositories call: the retry loop, batch execution, and the shared
 * checks behind stale-row and overflow errors. Not an API for applications; it may change between
 * releases together with the processor that generates calls to it.
 */
package dev.versioned.support;
