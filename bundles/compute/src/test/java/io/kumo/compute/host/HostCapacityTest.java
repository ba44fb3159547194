package io.kumo.compute.host;

import io.kumo.api.host.HostInventory;
import io.kumo.compute.backend.Backends;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.kumo.compute.host.HostTestSupport.GIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host capacity: totals after the over-provisioning ratios (recomputed when they change), and atomic reservations on H2. */
class HostCapacityTest {
    private static Database db;
    private HostStore store;
    private HostTestSupport.Config config;
    private HostManager hosts;

    @BeforeAll
    static void open() { db = HostTestSupport.database(); }

    @AfterAll
    static void close() { db.close(); }

    @BeforeEach
    void setUp() {
        db.execute("DELETE FROM HostConnectionVO");
        db.execute("DELETE FROM HostVO");
        store = HostTestSupport.store(db);
        config = new HostTestSupport.Config();
        hosts = new HostManager(store, new OverProvisioning(config), new Backends(null), new HostTestSupport.Tags(),
                new HostTestSupport.Events(), new HostTestSupport.NoDependents());
        hosts.start();
    }

    private void ratios(String cpu, String memory) {
        config.set(HostGlobalConfigs.HOST, HostGlobalConfigs.CPU_OVER_PROVISIONING_RATIO, cpu);
        config.set(HostGlobalConfigs.MEVOCO, HostGlobalConfigs.MEMORY_OVER_PROVISIONING, memory);
    }

    /** Adds a host and gives it the capacity of the ratios now, as connecting it does. */
    private void add(String uuid, String ip, int cpuNum, long memory) {
        HostTestSupport.addHost(store, uuid, ip, cpuNum, memory);
        hosts.applyRatios();
    }

    private HostInventory inventory(String uuid) { return hosts.get(uuid).orElseThrow(); }

    @Test
    void totalsApplyTheRatiosOfTheMomentAndAvailableIsTotalMinusReserved() {
        String h = HostTestSupport.uuid(1);
        add(h, "10.0.0.1", 4, 16 * GIB);

        HostInventory byDefault = inventory(h);
        assertEquals(40, byDefault.totalCpuCapacity(), "ZStack's default CPU ratio is 10");
        assertEquals(16 * GIB, byDefault.totalMemoryCapacity(), "memory is not over-provisioned by default");
        assertEquals(4, byDefault.cpuNum(), "cpuNum stays the physical count");

        assertTrue(hosts.reserveCapacity(h, 10, 4 * GIB));
        assertEquals(30, inventory(h).availableCpuCapacity());
        assertEquals(12 * GIB, inventory(h).availableMemoryCapacity());

        ratios("2", "1.5");  // no restart: every host is recomputed when a ratio changes
        HostInventory changed = inventory(h);
        assertEquals(8, changed.totalCpuCapacity());
        assertEquals(0, changed.availableCpuCapacity(), "over-reserved after lowering the ratio: nothing available, never negative");
        assertEquals(24 * GIB, changed.totalMemoryCapacity());
        assertEquals(20 * GIB, changed.availableMemoryCapacity());
        assertFalse(hosts.reserveCapacity(h, 1, 0), "no CPU left under the new ratio");
    }

    @Test
    void aReservationIsRefusedWhenEitherCpuOrMemoryIsShort() {
        ratios("1", "1");
        String h = HostTestSupport.uuid(2);
        add(h, "10.0.0.2", 4, 8 * GIB);

        assertTrue(hosts.reserveCapacity(h, 3, 2 * GIB));
        assertFalse(hosts.reserveCapacity(h, 2, GIB), "only 1 vCPU left");
        assertFalse(hosts.reserveCapacity(h, 1, 7 * GIB), "only 6 GiB left");
        assertTrue(hosts.reserveCapacity(h, 1, 6 * GIB), "exactly what is left");
        assertEquals(0, inventory(h).availableCpuCapacity());
        assertEquals(0, inventory(h).availableMemoryCapacity());
        assertFalse(hosts.reserveCapacity(HostTestSupport.uuid(99), 1, 1), "a missing host has no capacity");
        assertThrows(IllegalArgumentException.class, () -> hosts.reserveCapacity(h, -1, 0));
    }

    @Test
    void releaseReturnsCapacityButNeverGoesBelowZero() {
        ratios("1", "1");
        String h = HostTestSupport.uuid(3);
        add(h, "10.0.0.3", 4, 8 * GIB);
        assertTrue(hosts.reserveCapacity(h, 2, 2 * GIB));

        hosts.releaseCapacity(h, 1, GIB);
        assertEquals(3, inventory(h).availableCpuCapacity());
        hosts.releaseCapacity(h, 5, 5 * GIB);
        HostEntity row = store.find(h);
        assertEquals(0, row.getUsedCpu());
        assertEquals(0, row.getUsedMemory());
        assertEquals(4, inventory(h).availableCpuCapacity());
        assertEquals(8 * GIB, inventory(h).availableMemoryCapacity());
    }

    @Test
    void concurrentReservationsRacingForTheLastSlotsNeverOverAllocate() throws Exception {
        ratios("2", "1");
        String h = HostTestSupport.uuid(4);
        add(h, "10.0.0.4", 25, 64 * GIB);  // 50 vCPUs after the ratio
        int racers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return hosts.reserveCapacity(h, 1, GIB / 4);
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> f : outcomes) {
                if (f.get(60, TimeUnit.SECONDS)) {
                    won++;
                }
            }
            assertEquals(50, won, "exactly the 50 vCPUs the host offers were reserved");
        } finally {
            pool.shutdownNow();
        }
        HostEntity row = store.find(h);
        assertEquals(50, row.getUsedCpu());
        assertEquals(50 * (GIB / 4), row.getUsedMemory());
        assertEquals(0, inventory(h).availableCpuCapacity());
    }
}
