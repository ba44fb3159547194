package io.kumo.core.persistence;

import io.kumo.api.inventory.Uuids;
import io.kumo.core.testing.Stores;
import io.kumo.core.zone.ZoneEntity;
import io.kumo.core.zone.ZoneStore;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ZoneStore} on a real schema. */
interface ZoneStoreContract extends DatabaseTest {

    private static ZoneEntity zone(String name, boolean isDefault, Timestamp created) {
        ZoneEntity z = new ZoneEntity();
        z.setUuid(Uuids.random());
        z.setName(name);
        z.setDescription("zone " + name);
        z.setState("Enabled");
        z.setType("zone");
        z.setDefault(isDefault);
        z.setCreateDate(created);
        z.setLastOpDate(created);
        return z;
    }

    @Test
    default void zoneCreateFindUpdateDelete() {
        ZoneStore store = Stores.zones(db(), null);
        Timestamp created = Timestamp.valueOf("2024-01-02 03:04:05");
        ZoneEntity z = zone("zone-1", false, created);
        store.create(z);

        ZoneEntity found = store.find(z.getUuid());
        assertNotNull(found);
        assertEquals("zone-1", found.getName());
        assertEquals("zone zone-1", found.getDescription());
        assertEquals("Enabled", found.getState());
        assertEquals("zone", found.getType());
        assertFalse(found.isDefault());
        assertEquals(created, found.getCreateDate());
        assertTrue(store.exists(z.getUuid()));
        assertFalse(store.exists(Uuids.random()));
        assertNull(store.find(Uuids.random()));

        ZoneEntity updated = store.update(z.getUuid(), e -> {
            e.setName("renamed");
            e.setState("Disabled");
            e.setDescription(null);
        });
        assertEquals("renamed", updated.getName());
        assertTrue(updated.getLastOpDate().after(created), "update sets lastOpDate");
        ZoneEntity reread = store.find(z.getUuid());
        assertEquals("renamed", reread.getName());
        assertEquals("Disabled", reread.getState());
        assertNull(reread.getDescription());
        assertEquals(created, reread.getCreateDate(), "an update must not touch createDate");
        assertTrue(reread.getLastOpDate().after(created));
        assertNull(store.update(Uuids.random(), e -> e.setName("ghost")));

        assertTrue(store.delete(z.getUuid()));
        assertNull(store.find(z.getUuid()));
        assertFalse(store.exists(z.getUuid()));
        assertFalse(store.delete(z.getUuid()));
    }

    @Test
    default void zoneClearDefaultExceptLeavesOnlyThatZoneDefault() {
        ZoneStore store = Stores.zones(db(), null);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        ZoneEntity a = zone("a", true, now);
        ZoneEntity b = zone("b", true, now);
        ZoneEntity c = zone("c", false, now);
        for (ZoneEntity z : List.of(a, b, c)) {
            store.create(z);
        }
        store.clearDefaultExcept(b.getUuid());
        assertFalse(store.find(a.getUuid()).isDefault());
        assertTrue(store.find(b.getUuid()).isDefault());
        assertFalse(store.find(c.getUuid()).isDefault());

        store.update(c.getUuid(), z -> z.setDefault(true));
        store.clearDefaultExcept(c.getUuid());
        assertFalse(store.find(b.getUuid()).isDefault());
        assertTrue(store.find(c.getUuid()).isDefault());
        assertEquals(1, db().queryLong("SELECT COUNT(*) FROM ZoneVO WHERE isDefault = TRUE"));
    }

    @Test
    default void aDeletedZoneIsRestoredExactlyFromItsSnapshot() {
        ZoneStore store = Stores.zones(db(), null);
        ZoneEntity z = zone("kept", true, new Timestamp(1_700_000_000_123L));
        store.create(z);
        java.util.Map<String, Object> snapshot = io.kumo.core.json.Json.readMap(io.kumo.core.json.Json.write(store.find(z.getUuid()).snapshot()));
        assertTrue(store.delete(z.getUuid()));

        store.restore(snapshot);
        store.restore(snapshot);  // idempotent, as rollbacks must be

        ZoneEntity back = store.find(z.getUuid());
        assertEquals(store.find(z.getUuid()).snapshot(), ZoneEntity.fromSnapshot(snapshot).snapshot());
        assertEquals(1_700_000_000_123L, back.getCreateDate().getTime(), "the original dates, to the millisecond");
        assertTrue(back.isDefault());
        assertEquals(java.util.List.of(z.getUuid()), store.defaultZonesExcept(Uuids.random()));
        assertEquals(java.util.List.of(), store.defaultZonesExcept(z.getUuid()));
    }
}
