package io.kumo.core.testing;

import io.kumo.core.config.GlobalConfigStore;
import io.kumo.core.job.JobEntity;
import io.kumo.core.job.JobStore;
import io.kumo.core.node.ManagementNodeStore;
import io.kumo.core.session.SessionStore;
import io.kumo.core.tag.TagStore;
import io.kumo.core.zone.ZoneEntity;
import io.kumo.core.zone.ZoneStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the harness itself: every store method runs in a transaction, and transactions behave. */
class StoresTest {
    private static Database db;

    @BeforeAll
    static void open() { db = Database.h2(); }

    @AfterAll
    static void close() { db.close(); }

    @Test
    void everyPublicStoreMethodIsWrappedInATransaction() {
        Map<Class<?>, Object> wrapped = Map.of(
                JobStore.class, Stores.jobs(db),
                ZoneStore.class, Stores.zones(db, null),
                GlobalConfigStore.class, Stores.globalConfigs(db, null),
                TagStore.class, Stores.tags(db, null),
                ManagementNodeStore.class, Stores.nodes(db, null),
                SessionStore.class, Stores.sessions(db),
                io.kumo.core.licence.LicenceStore.class, Stores.licences(db),
                io.kumo.core.identity.IdentityStore.class, Stores.identities(db, null),
                io.kumo.core.identity.ownership.OwnershipStore.class, Stores.ownership(db, null),
                io.kumo.core.audit.AuditStore.class, Stores.audits(db, null));
        List<String> missing = new ArrayList<>();
        wrapped.forEach((store, wrapper) -> {
            for (Method m : store.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.getName().equals("setEntityManager")) {
                    continue;
                }
                try {
                    wrapper.getClass().getDeclaredMethod(m.getName(), m.getParameterTypes());
                } catch (NoSuchMethodException e) {
                    missing.add(store.getSimpleName() + "." + m.getName());
                }
            }
        });
        assertEquals(List.of(), missing, "add these methods to io.kumo.core.testing.Stores");
    }

    @Test
    void theEntityManagerRefusesWorkOutsideATransaction() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> db.entityManager().find(JobEntity.class, "x"));
        assertTrue(e.getMessage().contains("outside a transaction"), e.getMessage());
    }

    @Test
    void aFailingTransactionIsRolledBack() {
        ZoneStore zones = Stores.zones(db, null);
        ZoneEntity z = new ZoneEntity();
        z.setUuid("0123456789abcdef0123456789abcdef");
        z.setName("rolled-back");
        z.setState("Enabled");
        z.setType("zone");
        z.setCreateDate(new Timestamp(System.currentTimeMillis()));
        z.setLastOpDate(z.getCreateDate());
        assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
            zones.create(z);
            throw new IllegalStateException("abort");
        }));
        assertNull(zones.find(z.getUuid()));
    }
}
