package io.kumo.core.persistence;

import io.kumo.core.testing.Backend;

/** The persistence contracts on H2, the database of the default installation. */
class H2PersistenceTest extends PersistenceTestBase implements SchemaMigrationContract, ZoneStoreContract,
        GlobalConfigStoreContract, TagStoreContract, JobStoreContract, ManagementNodeStoreContract, SessionStoreContract,
        AuditStoreContract {
    H2PersistenceTest() { super(Backend.H2); }
}
