package io.kumo.core.persistence;

import io.kumo.core.testing.Database;

/**
 * What a persistence contract needs from the test class running it: a migrated database, emptied before each test.
 * Contracts are interfaces with default test methods, so that {@link H2PersistenceTest} and
 * {@link MariaDbPersistenceTest} run the same tests on each database.
 */
interface DatabaseTest {
    /** @return the database of the running test class */
    Database db();
}
