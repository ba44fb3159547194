package io.kumo.core.persistence;

import io.kumo.api.inventory.Uuids;
import io.kumo.core.session.AccountEntity;
import io.kumo.core.session.SessionEntity;
import io.kumo.core.session.SessionStore;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.Test;

import javax.persistence.PersistenceException;
import java.sql.Timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SessionStore} on a real schema. */
interface SessionStoreContract extends DatabaseTest {

    private static AccountEntity account(String uuid, String name) {
        AccountEntity a = new AccountEntity();
        a.setUuid(uuid);
        a.setName(name);
        a.setType("Normal");
        a.setPasswordHash("pbkdf2-sha256$1$AAAA$BBBB");
        a.setCreateDate(Timestamp.valueOf("2024-01-01 00:00:00"));
        a.setLastOpDate(a.getCreateDate());
        return a;
    }

    private static SessionEntity session(String account, Timestamp expires) {
        SessionEntity s = new SessionEntity();
        s.setUuid(Uuids.random());
        s.setAccountUuid(account);
        s.setCreateDate(Timestamp.valueOf("2024-01-01 00:00:00"));
        s.setExpiredDate(expires);
        return s;
    }

    @Test
    default void sessionAccounts() {
        SessionStore store = Stores.sessions(db());
        String uuid = Uuids.random();
        assertTrue(store.createAccountIfAbsent(account(uuid, "alice")));
        assertFalse(store.createAccountIfAbsent(account(uuid, "alice-again")), "same uuid");
        assertEquals("alice", store.account(uuid).getName());
        assertEquals(uuid, store.accountByName("alice").getUuid());
        assertNull(store.accountByName("alice-again"));
        assertNull(store.accountByName("bob"));
        assertNull(store.account(Uuids.random()));
        assertThrows(PersistenceException.class, () -> store.createAccountIfAbsent(account(Uuids.random(), "alice")),
                "account names are unique");
    }

    @Test
    default void sessionCreateDeleteAndExpiry() {
        SessionStore store = Stores.sessions(db());
        String account = Uuids.random();
        store.createAccountIfAbsent(account(account, "carol"));
        Timestamp now = Timestamp.valueOf("2024-06-01 12:00:00");
        SessionEntity expired = session(account, Timestamp.valueOf("2024-06-01 11:59:59"));
        SessionEntity valid = session(account, Timestamp.valueOf("2024-06-01 12:00:01"));
        SessionEntity loggedOut = session(account, Timestamp.valueOf("2024-06-02 00:00:00"));
        store.createSession(expired);
        store.createSession(valid);
        store.createSession(loggedOut);

        SessionEntity found = store.session(valid.getUuid());
        assertNotNull(found);
        assertEquals(account, found.getAccountUuid());
        assertNull(found.getUserUuid());
        assertEquals(valid.getExpiredDate(), found.getExpiredDate());

        assertTrue(store.deleteSession(loggedOut.getUuid()));
        assertFalse(store.deleteSession(loggedOut.getUuid()));
        assertNull(store.session(loggedOut.getUuid()));

        assertEquals(1, store.deleteExpired(now));
        assertNull(store.session(expired.getUuid()));
        assertNotNull(store.session(valid.getUuid()));
        assertEquals(0, store.deleteExpired(now));
    }
}
