package io.kumo.core.session;

import io.kumo.api.error.ApiException;
import io.kumo.api.operation.Caller;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.FixedGlobalConfig;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expired sessions stop authenticating at once and are purged from the database by the housekeeper's call. */
class SessionPurgeTest {
    private Database db;

    @BeforeEach
    void open() { db = Database.h2(); }

    @AfterEach
    void close() { db.close(); }

    @Test
    void expiredSessionsArePurgedAndValidOnesKept() {
        SessionStore store = Stores.sessions(db);
        SessionManager sessions = new SessionManager(store, new FixedGlobalConfig(), event -> { });
        sessions.start();
        SessionInventory valid = sessions.logIn("admin", PasswordHasher.sha512Hex(SessionManager.DEFAULT_ADMIN_PASSWORD));
        SessionEntity expired = new SessionEntity();
        expired.setUuid("e".repeat(32));
        expired.setAccountUuid(Caller.ADMIN_ACCOUNT_UUID);
        expired.setCreateDate(new Timestamp(System.currentTimeMillis() - 7_200_000));
        expired.setExpiredDate(new Timestamp(System.currentTimeMillis() - 1_000));
        store.createSession(expired);

        assertThrows(ApiException.class, () -> sessions.authenticate(expired.getUuid(), "rest", null));
        assertEquals(1, sessions.purgeExpired());

        assertNull(store.session(expired.getUuid()));
        assertNotNull(store.session(valid.uuid()));
        assertEquals(Caller.ADMIN_ACCOUNT_UUID, sessions.authenticate(valid.uuid(), "rest", null).accountUuid());
        assertEquals(0, sessions.purgeExpired());
    }
}
