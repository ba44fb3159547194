package io.kumo.compute.placement;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.cluster.ClusterService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.host.HostInventory;
import io.kumo.api.offering.HostAllocatorStrategy;
import io.kumo.api.tag.TagType;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.api.zone.ZoneService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placement filters, strategies, soft/hard mode and reservation races, with in-memory fakes of the services. */
class PlacementTest {
    private static final long GB = 1L << 30;
    private FakeHostService hosts;
    private FakeNetworkService networks;
    private FakePrimaryStorageService storage;
    private FakeTagService tags;
    private HostIndex index;
    private Placement placement;
    private final Map<String, Long> vmCounts = new ConcurrentHashMap<>();
    private static final Map<String, String> NO_STATES = Map.of();
    private final Map<String, String> clusterStates = new ConcurrentHashMap<>();
    private final Map<String, String> zoneStates = new ConcurrentHashMap<>();

    /** @return clusters that are all Enabled, of the zone z1, unless {@code states} says otherwise */
    static ClusterService enabledClusters(Map<String, String> states) {
        return uuid -> Optional.of(new ClusterInventory(uuid, uuid, null, states.getOrDefault(uuid, "Enabled"), "Simulator",
                "zstack", "z1", "x86_64", null, null));
    }

    static ClusterService enabledClusters() { return enabledClusters(NO_STATES); }

    /** @return zones that are all Enabled unless {@code states} says otherwise */
    static ZoneService enabledZones(Map<String, String> states) {
        return uuid -> Optional.of(new ZoneInventory(uuid, uuid, null, states.getOrDefault(uuid, "Enabled"), "zstack", false,
                null, null));
    }

    static ZoneService enabledZones() { return enabledZones(NO_STATES); }

    @BeforeEach
    void setUp() {
        hosts = new FakeHostService();
        networks = new FakeNetworkService();
        storage = new FakePrimaryStorageService();
        tags = new FakeTagService();
        hosts.add("h1", "z1", "c1", 8, 16 * GB);
        hosts.add("h2", "z1", "c1", 8, 16 * GB);
        hosts.add("h3", "z1", "c2", 8, 16 * GB);
        networks.add("l3a", "z1", Set.of("c1", "c2"));
        networks.add("l3b", "z1", Set.of("c2"));
        storage.add("ps1", "z1", 100 * GB, List.of("c1", "c2"));
        index = new HostIndex(hosts, 0);
        placement = new Placement(index, hosts, networks, storage, tags, enabledClusters(clusterStates),
                enabledZones(zoneStates), new HostOrdering(() -> vmCounts));
    }

    private PlacementRequest vm(int cpu, long mem) {
        return PlacementRequest.of(cpu, mem).reaching(List.of("l3a"), 10 * GB, null);
    }

    private ApiException noCapacity(PlacementRequest r) {
        ApiException e = assertThrows(ApiException.class, () -> placement.allocate(r));
        assertEquals(ErrorCode.NO_CAPACITY.code(), e.error().code());
        return e;
    }

    @Test
    void onlyEnabledConnectedHostsReachingEveryNetworkAreCandidates() {
        hosts.set("h1", "Disabled", "Connected");
        hosts.set("h2", "Enabled", "Disconnected");
        index.reload();
        assertEquals(List.of("h3"), placement.candidates(vm(1, GB)).stream().map(HostInventory::uuid).toList());
        hosts.set("h2", "PreMaintenance", "Connected");
        hosts.set("h3", "Maintenance", "Connected");
        index.reload();
        assertTrue(noCapacity(vm(1, GB)).getMessage().contains("state filter"));
    }

    @Test
    void theNetworkFilterKeepsClustersReachingAllL3s() {
        PlacementRequest r = PlacementRequest.of(1, GB).reaching(List.of("l3a", "l3b"), 0, null);
        assertEquals(List.of("h3"), placement.candidates(r).stream().map(HostInventory::uuid).toList());
        networks.reaching.put("l3b", Set.of());
        ApiException e = noCapacity(r);
        assertTrue(e.getMessage().contains("network filter"), e.getMessage());
        assertTrue(e.getMessage().contains("attach the L2 networks"), e.getMessage());
    }

    @Test
    void disabledClustersAndZonesTakeNoNewVms() {
        clusterStates.put("c1", "Disabled");
        assertEquals(List.of("h3"), ids(placement.candidates(vm(1, GB))));
        clusterStates.put("c2", "Disabled");
        ApiException e = noCapacity(vm(1, GB));
        assertTrue(e.getMessage().contains("cluster state filter") && e.getMessage().contains("enable a cluster"), e.getMessage());
        clusterStates.clear();
        zoneStates.put("z1", "Disabled");
        assertTrue(noCapacity(vm(1, GB)).getMessage().contains("zone state filter"));
    }

    @Test
    void theImageMustBeReadableFromTheHostsZoneAndRunOnItsArchitecture() {
        hosts.add("h4", "z2", "c2", 8, 16 * GB);
        index.reload();
        PlacementRequest inZ2 = vm(1, GB).image(Set.of("z2"), "x86_64");
        assertEquals(List.of("h4"), ids(placement.candidates(inZ2)));
        ApiException nowhere = noCapacity(vm(1, GB).image(Set.of(), "x86_64"));
        assertTrue(nowhere.getMessage().contains("image filter") && nowhere.getMessage().contains("attach a backup storage"),
                nowhere.getMessage());
        ApiException arm = noCapacity(vm(1, GB).image(Set.of("z1", "z2"), "aarch64"));
        assertTrue(arm.getMessage().contains("architecture filter (image architecture aarch64)"), arm.getMessage());
        assertEquals(4, placement.candidates(vm(1, GB).image(null, null)).size(), "no image constraint: every host");
    }

    @Test
    void storageOverProvisioningLetsVolumesExceedThePhysicalSpace() {
        PlacementRequest big = PlacementRequest.of(1, GB).reaching(List.of("l3a"), 150 * GB, null);
        assertTrue(noCapacity(big).getMessage().contains("primary storage filter"));
        storage.ratio = 2.0;  // 150 GB of volumes take 75 GB of the 100 GB
        HostInventory h = placement.allocate(big);
        assertTrue(storage.reserveCapacity("ps1", 150 * GB), "the reservation applies the same ratio as the filter");
        assertEquals(25 * GB, storage.available("ps1"));
        assertTrue(noCapacity(big).getMessage().contains("primary storage filter"), "now only 25 GB are left");
        placement.release(h.uuid(), 1, GB);
    }

    private static List<String> ids(List<HostInventory> hosts) {
        return hosts.stream().map(HostInventory::uuid).sorted().toList();
    }

    @Test
    void capacityAndStorageFiltersSayWhichEmptiedTheCandidates() {
        ApiException cpu = noCapacity(vm(9, GB));
        assertTrue(cpu.getMessage().contains("capacity filter") && cpu.getMessage().contains("3 candidate"), cpu.getMessage());
        ApiException space = noCapacity(PlacementRequest.of(1, GB).reaching(List.of("l3a"), 101 * GB, null));
        assertTrue(space.getMessage().contains("primary storage filter"), space.getMessage());
        storage.add("ps2", "z1", 500 * GB, List.of("c2"));
        assertEquals("h3", placement.allocate(PlacementRequest.of(1, GB).reaching(List.of("l3a"), 200 * GB, null)).uuid());
    }

    @Test
    void requestedClusterHostAndTagsHoldInHardModeAndRelaxInSoftMode() {
        assertEquals("h3", placement.allocate(vm(1, GB).within(null, "c2", null)).uuid());
        assertEquals("h2", placement.allocate(vm(1, GB).within(null, null, "h2")).uuid());
        tags.attach("HostVO", "h1", List.of("ssd"), TagType.User);
        for (int i = 0; i < 5; i++) {
            assertEquals("h1", placement.candidates(vm(1, GB).tagged(List.of("ssd"), false)).get(0).uuid());
        }
        ApiException hard = noCapacity(vm(1, GB).tagged(List.of("gpu"), false));
        assertTrue(hard.getMessage().contains("host tag filter") && hard.getMessage().contains("allocator::mode::soft"), hard.getMessage());
        assertEquals(3, placement.candidates(vm(1, GB).tagged(List.of("gpu"), true)).size(), "soft mode relaxes the tag");
        PlacementRequest full = vm(1, GB).within(null, null, "h3").tagged(List.of(), true);
        assertTrue(hosts.reserveCapacity("h3", 7, 0), "h3 had one vCPU taken above");
        index.reload();
        assertTrue(Set.of("h1", "h2").contains(placement.allocate(full).uuid()), "soft mode relaxes the host when it is full");
    }

    @Test
    void strategiesOrderFittingHosts() {
        hosts.reserveCapacity("h1", 6, GB);
        hosts.reserveCapacity("h2", 2, 8 * GB);
        index.reload();
        assertEquals("h3", placement.candidates(vm(1, GB).ordered(HostAllocatorStrategy.MINIMUM_CPU_USAGE, null)).get(0).uuid());
        assertEquals(List.of("h3", "h1", "h2"), placement.candidates(vm(1, GB)
                .ordered(HostAllocatorStrategy.MINIMUM_MEMORY_USAGE, null)).stream().map(HostInventory::uuid).toList());
        vmCounts.putAll(Map.of("h1", 5L, "h2", 1L, "h3", 3L));
        assertEquals(List.of("h2", "h3", "h1"), placement.candidates(vm(1, GB)
                .ordered(HostAllocatorStrategy.LEAST_VM_PREFERRED, null)).stream().map(HostInventory::uuid).toList());
        for (int i = 0; i < 10; i++) {
            assertEquals("h2", placement.candidates(vm(1, GB).ordered(HostAllocatorStrategy.LAST_HOST_PREFERRED, "h2")).get(0).uuid());
        }
        assertThrows(ApiException.class, () -> HostOrdering.requireKnown("Nonsense"));
    }

    @Test
    void aLostReservationFallsBackToTheNextCandidate() {
        // the index still believes h1 and h2 are empty; the database has them full
        index.hosts();
        hosts.reserveCapacity("h1", 8, 0);
        hosts.reserveCapacity("h2", 8, 0);
        assertEquals("h3", placement.allocate(vm(2, GB).ordered(HostAllocatorStrategy.MINIMUM_CPU_USAGE, "h1")).uuid());
        assertEquals(0, index.get("h1").availableCpuCapacity(), "the losing host was refreshed");
        assertEquals(6, index.get("h3").availableCpuCapacity(), "the winner's reservation is applied to the index");
    }

    @Test
    void twoHundredThreadsRacingForTheLastSlotsNeverOverAllocate() throws Exception {
        // 3 hosts x 8 vCPUs = 24 one-vCPU slots, 200 contenders; reservations are atomic, the index is shared
        int threads = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> winners = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                try {
                    go.await();
                    winners.add(placement.allocate(vm(1, GB)).uuid());
                    won.incrementAndGet();
                } catch (ApiException e) {
                    assertEquals(ErrorCode.NO_CAPACITY.code(), e.error().code());
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(24, won.get());
        assertEquals(176, refused.get());
        for (String h : List.of("h1", "h2", "h3")) {
            assertEquals(0, hosts.hosts.get(h).availableCpuCapacity());
            assertEquals(8, winners.stream().filter(h::equals).count());
        }
    }

    @Test
    void amongTenThousandHostsEveryDecisionIsAFittingHostOfAReachableCluster() {
        hosts.hosts.clear();
        for (int i = 0; i < 10_000; i++) {
            hosts.add("h" + i, "z1", "c" + (i % 100), 64, 256 * GB);
        }
        networks.add("l3x", "z1", Set.of("c7", "c42"));
        storage.add("psx", "z1", 1_000_000 * GB, List.of("c7", "c42"));
        index.reload();
        for (int i = 0; i < 200; i++) {
            HostInventory h = placement.allocate(PlacementRequest.of(1, GB).reaching(List.of("l3x"), 10 * GB, null)
                    .ordered(HostAllocatorStrategy.MINIMUM_MEMORY_USAGE, null));
            assertTrue(Set.of("c7", "c42").contains(h.clusterUuid()), h.uuid() + " is in " + h.clusterUuid());
        }
        // least memory used spreads the 200 VMs over 200 of the 200 reachable hosts
        assertEquals(200, hosts.hosts.values().stream().filter(h -> h.availableMemoryCapacity() < 256 * GB).count());
    }

}
