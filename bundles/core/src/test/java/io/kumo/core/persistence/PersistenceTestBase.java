package io.kumo.core.persistence;

import io.kumo.core.testing.Backend;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** Opens one database of a backend per test class (created and migrated, dropped at the end), emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersistenceTestBase implements DatabaseTest {
    private final Backend backend;
    private Database db;

    PersistenceTestBase(Backend backend) { this.backend = backend; }

    @BeforeAll
    void openDatabase() { db = backend.open(); }

    @AfterAll
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void emptyTables() { db.deleteAll(); }

    @Override
    public Database db() { return db; }
}
