package io.kumo.compute.storage;

import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.storage.VolumeInstantiation;
import io.kumo.compute.backend.Backends;
import io.kumo.compute.placement.FakeHostService;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-host capacity of host-local primary storage with a fake backend: the storage's capacity is the sum over the
 * connected hosts of its clusters, what volumes hold stays reserved, hosts leaving take their share away, and storage
 * that is not local to hosts keeps its own figures.
 */
class LocalStorageHostCapacityTest {
    private static final String ZONE = "00000000000000000000000000000001";
    private static final String LOCAL = "00000000000000000000000000000002";
    private static final String SHARED = "00000000000000000000000000000003";
    private static final String CLUSTER = "0000000000000000000000000000000c";
    private static final String H1 = "000000000000000000000000000000a1";
    private static final String H2 = "000000000000000000000000000000a2";
    private static final String H3 = "000000000000000000000000000000a3";

    /** Local to hosts when its type is "Local": each host reports what {@link #perHost} holds for it. */
    private final Map<String, StorageCapacity> perHost = new ConcurrentHashMap<>();
    private Database db;
    private PrimaryStorageStore storages;
    private LocalStorageHostRefStore refs;
    private final FakeHostService hosts = new FakeHostService();
    private LocalStorageHostCapacity capacity;

    private final class FakeBackend implements PrimaryStorageBackend {
        private final String type;
        FakeBackend(String type) { this.type = type; }
        @Override public String type() { return type; }
        @Override public AddOperationSpec addOperation() { return null; }
        @Override public StorageCapacity connect(PrimaryStorageInventory s, Map<String, String> p) { return null; }
        @Override public VolumeInstantiation createRootVolume(PrimaryStorageInventory s, HostConnection h, String v, ImageInventory i, String p) { return null; }
        @Override public VolumeInstantiation createDataVolume(PrimaryStorageInventory s, HostConnection h, String v, long size) { return null; }
        @Override public void deleteVolume(PrimaryStorageInventory s, HostConnection h, String p) { }
        @Override
        public StorageCapacity connectHost(PrimaryStorageInventory s, HostConnection h, Map<String, String> p) {
            return "Local".equals(type) ? perHost.get(h.hostUuid()) : null;
        }
    }

    @BeforeEach
    void setUp() {
        db = StorageFixtures.database();
        storages = StorageFixtures.primary(db);
        refs = new LocalStorageHostRefStore() {
            @Override public void record(String p, String h, long t, long a) { db.inTransaction(() -> super.record(p, h, t, a)); }
            @Override public List<String> removeHost(String h) { return db.inTransaction(() -> super.removeHost(h)); }
            @Override public void retainHosts(String p, List<String> keep) { db.inTransaction(() -> super.retainHosts(p, keep)); }
            @Override public List<LocalStorageHostRefEntity> of(String p) { return db.inTransaction(() -> super.of(p)); }
        };
        refs.setEntityManager(db.entityManager());
        StorageFixtures.zone(db, ZONE);
        storage(LOCAL, "Local");
        storage(SHARED, "Shared");
        Backends backends = new Backends(null);
        backends.primaryStorage().add(new FakeBackend("Local"));
        backends.primaryStorage().add(new FakeBackend("Shared"));
        capacity = new LocalStorageHostCapacity(storages, refs, hosts, backends, null);
    }

    private void storage(String uuid, String type) {
        StorageFixtures.primaryStorage(storages, uuid, ZONE, 1000);
        storages.update(uuid, ps -> {
            ps.setType(type);
            ps.setAttachedClusterUuids(List.of(CLUSTER));
        });
    }

    @AfterEach
    void tearDown() {
        capacity.close();
        db.close();
    }

    private long total(String ps) { return storages.find(ps).getTotalCapacity(); }
    private long available(String ps) { return storages.find(ps).getAvailableCapacity(); }

    @Test
    void theCapacityIsTheSumOverConnectedHostsKeepingWhatVolumesHold() {
        perHost.put(H1, new StorageCapacity(500, 400));
        perHost.put(H2, new StorageCapacity(300, 300));
        hosts.add(H1, ZONE, CLUSTER, 8, 1L << 30);
        capacity.hostConnected(H1);
        assertEquals(500, total(LOCAL));
        assertEquals(400, available(LOCAL));
        assertTrue(storages.reserve(LOCAL, 150), "a volume takes 150 bytes");
        hosts.add(H2, ZONE, CLUSTER, 8, 1L << 30);
        capacity.hostConnected(H2);
        assertEquals(800, total(LOCAL));
        assertEquals(700 - 150, available(LOCAL), "the volume's bytes stay reserved");
        // a reconnection with new figures replaces the host's share
        perHost.put(H1, new StorageCapacity(600, 500));
        capacity.hostConnected(H1);
        assertEquals(900, total(LOCAL));
        assertEquals(800 - 150, available(LOCAL));
        // a disconnected host is not asked
        perHost.put(H3, new StorageCapacity(1000, 1000));
        hosts.add(H3, ZONE, CLUSTER, 8, 1L << 30);
        hosts.set(H3, "Enabled", "Disconnected");
        capacity.hostConnected(H3);
        assertEquals(900, total(LOCAL));
        // a deleted host takes its share away
        refs.removeHost(H2);
        assertEquals(600, total(LOCAL));
        assertEquals(500 - 150, available(LOCAL));
        assertEquals(1000, total(SHARED), "storage not local to hosts keeps its own capacity");
        assertEquals(1000, available(SHARED));
    }

    @Test
    void attachingTheStorageCountsTheConnectedHostsAndDetachingForgetsThem() {
        perHost.put(H1, new StorageCapacity(100, 90));
        perHost.put(H2, new StorageCapacity(200, 150));
        hosts.add(H1, ZONE, CLUSTER, 8, 1L << 30);
        hosts.add(H2, ZONE, CLUSTER, 8, 1L << 30);
        capacity.storageChanged(LOCAL);
        assertEquals(300, total(LOCAL));
        assertEquals(240, available(LOCAL));
        assertEquals(2, refs.of(LOCAL).size());
        storages.update(LOCAL, ps -> ps.setAttachedClusterUuids(List.of()));
        capacity.storageChanged(LOCAL);
        assertEquals(0, refs.of(LOCAL).size());
        assertEquals(0, total(LOCAL));
        assertEquals(0, refs.of(SHARED).size());
    }
}
