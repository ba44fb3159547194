package io.kumo.core.persistence;

import io.kumo.core.testing.Backend;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The persistence contracts on MariaDB, when {@code KUMO_TEST_MARIADB_URL} names a server, e.g.
 * {@code jdbc:mariadb://127.0.0.1:3307/kumo_test?user=root}; a database {@code kumo_test_<random>} is created on it
 * for the run and dropped afterwards.
 */
@EnabledIfEnvironmentVariable(named = Backend.MARIADB_URL_VARIABLE, matches = ".*\\S.*")
class MariaDbPersistenceTest extends PersistenceTestBase implements SchemaMigrationContract, ZoneStoreContract,
        GlobalConfigStoreContract, TagStoreContract, JobStoreContract, ManagementNodeStoreContract, SessionStoreContract,
        AuditStoreContract {
    MariaDbPersistenceTest() { super(Backend.MARIADB); }
}
