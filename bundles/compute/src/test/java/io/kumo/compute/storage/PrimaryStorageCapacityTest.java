package io.kumo.compute.storage;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.compute.backend.Backends;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Capacity reservations: atomic under concurrency, over-provisioning read live, releases capped at the total. */
class PrimaryStorageCapacityTest {
    private static final String ZONE = "00000000000000000000000000000001";
    private static final String PS = "00000000000000000000000000000002";
    private final Map<String, String> config = new ConcurrentHashMap<>(Map.of("mevoco.overProvisioning.primaryStorage", "1.0"));
    private final GlobalConfigService globalConfig = new GlobalConfigService() {
        @Override public String value(String category, String name) { return config.get(category + "." + name); }
        @Override public AutoCloseable watch(String category, String name, Consumer<String> listener) { return () -> { }; }
    };
    private Database db;
    private PrimaryStorageStore store;
    private PrimaryStorageManager manager;

    @BeforeEach
    void setUp() {
        db = StorageFixtures.database();
        store = StorageFixtures.primary(db);
        manager = new PrimaryStorageManager(store, globalConfig, new Backends(null));
        StorageFixtures.zone(db, ZONE);
        StorageFixtures.primaryStorage(store, PS, ZONE, 1000);
    }

    @AfterEach
    void tearDown() { db.close(); }

    @Test
    void concurrentReservationsNeverOverdrawTheStorage() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        try {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(pool.submit(() -> {
                    start.await();
                    if (reserveRetrying(70)) {
                        granted.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(14, granted.get(), "1000 bytes hold 14 reservations of 70");
        assertEquals(20, manager.get(PS).orElseThrow().availableCapacity());
    }

    /** H2 reports a write conflict instead of waiting, as MariaDB would: a caller retries such a conflict. */
    private boolean reserveRetrying(long bytes) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return manager.reserveCapacity(PS, bytes);
            } catch (RuntimeException conflict) {
                if (attempt > 200) {
                    throw conflict;
                }
                Thread.sleep(1);
            }
        }
    }

    @Test
    void overProvisioningRatioIsReadAtEachReservation() {
        assertFalse(manager.reserveCapacity(PS, 1500), "1500 > 1000 without over-provisioning");
        config.put("mevoco.overProvisioning.primaryStorage", "2.0");
        assertTrue(manager.reserveCapacity(PS, 1500), "1500 bytes of volumes take 750 at ratio 2");
        assertEquals(250, manager.get(PS).orElseThrow().availableCapacity());
        manager.releaseCapacity(PS, 1500);
        assertEquals(1000, manager.get(PS).orElseThrow().availableCapacity());
    }

    @Test
    void releaseNeverExceedsTheTotal() {
        assertTrue(manager.reserveCapacity(PS, 100));
        manager.releaseCapacity(PS, 5000);
        assertEquals(1000, manager.get(PS).orElseThrow().availableCapacity());
        assertFalse(manager.reserveCapacity("ffffffffffffffffffffffffffffffff", 1), "unknown storage reserves nothing");
    }

    @Test
    void attachmentsAreFoundByClusterAndRemovedWithIt() {
        String cluster = "00000000000000000000000000000003";
        store.update(PS, ps -> ps.getAttachedClusterUuids().add(cluster));
        assertEquals(List.of(PS), manager.attachedTo(cluster).stream().map(p -> p.uuid()).toList());
        assertEquals(List.of(cluster), manager.get(PS).orElseThrow().attachedClusterUuids());
        new ClusterStorageDependents(store, e -> { }).deleteDependents("cluster", cluster);
        assertTrue(manager.attachedTo(cluster).isEmpty());
        assertTrue(manager.get(PS).orElseThrow().attachedClusterUuids().isEmpty());
    }
}
