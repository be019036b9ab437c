package dev.versioned.sampleweb;

/** Two HTTP clients on the sample's default database, embedded H2. */
class H2ApiConflictTest extends ApiConflictTestBase {}
