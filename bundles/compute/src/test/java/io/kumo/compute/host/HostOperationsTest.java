package io.kumo.compute.host;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.cluster.ClusterService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.api.vm.VmService;
import io.kumo.compute.backend.Backends;
import io.kumo.compute.cluster.ClusterStore;
import io.kumo.compute.cluster.ClusterManager;
import io.kumo.compute.cluster.ZoneClusters;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static io.kumo.compute.host.HostTestSupport.CLUSTER;
import static io.kumo.compute.host.HostTestSupport.GIB;
import static io.kumo.compute.host.HostTestSupport.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adding a host through a backend's operation, its state changes, and cascades from clusters and zones. */
class HostOperationsTest {
    private static final String KVM_CLUSTER = "dddddddddddddddddddddddddddddddd";
    private static Database db;
    private HostStore store;
    private HostTestSupport.FakeBackend backend;
    private HostTestSupport.Events events;
    private HostManager hosts;
    private AddHostOperation add;
    private HostTestSupport.Licences licences;
    private final Map<String, ClusterInventory> clusters = new HashMap<>();

    @BeforeAll
    static void open() {
        db = HostTestSupport.database();
        db.execute("INSERT INTO ClusterVO (uuid, name, state, hypervisorType, type, zoneUuid, architecture, createDate, lastOpDate)"
                + " VALUES ('" + KVM_CLUSTER + "', 'k', 'Enabled', 'KVM', 'zstack', '" + ZONE + "', 'x86_64', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    @AfterAll
    static void close() { db.close(); }

    @BeforeEach
    void setUp() {
        db.execute("DELETE FROM HostConnectionVO");
        db.execute("DELETE FROM HostVO");
        store = HostTestSupport.store(db);
        backend = new HostTestSupport.FakeBackend();
        events = new HostTestSupport.Events();
        Backends backends = new Backends(null);
        backends.hypervisors().add(backend);
        hosts = new HostManager(store, new OverProvisioning(new HostTestSupport.Config()), backends, new HostTestSupport.Tags(),
                events, new HostTestSupport.NoDependents());
        clusters.put(CLUSTER, new ClusterInventory(CLUSTER, "c", null, "Enabled", "Fake", "zstack", ZONE, "x86_64", null, null));
        clusters.put(KVM_CLUSTER, new ClusterInventory(KVM_CLUSTER, "k", null, "Enabled", "KVM", "zstack", ZONE, "x86_64", null, null));
        ClusterService clusterService = uuid -> Optional.ofNullable(clusters.get(uuid));
        licences = new HostTestSupport.Licences();
        add = new AddHostOperation(backend, store, hosts, clusterService, new HostTestSupport.Tags(), events, licences);
    }

    private OperationRequest addRequest(String ip, String clusterUuid) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "h-" + ip);
        p.put("managementIp", ip);
        p.put("clusterUuid", clusterUuid);
        p.put("cpuCapacity", 16L);
        p.put("username", "root");
        p.put("password", "s3cret");
        return HostTestSupport.request("AddFakeHost", p);
    }

    private static String codeOf(Runnable r) { return assertThrows(ApiException.class, r::run).error().code(); }

    @Test
    void theOperationIsTheBackendsWithTheCommonParameters() {
        assertEquals("AddFakeHost", add.descriptor().name());
        assertEquals("/hosts/fakes", add.descriptor().rest().orElseThrow().path());
        for (String p : List.of("name", "description", "managementIp", "clusterUuid", "resourceUuid", "cpuCapacity")) {
            assertTrue(add.descriptor().parameter(p).isPresent(), p);
        }
        assertTrue(add.descriptor().parameter("managementIp").orElseThrow().required());
        assertTrue(add.descriptor().parameter("clusterUuid").orElseThrow().required());
    }

    @Test
    void checkRefusesBadRequestsBeforeAnyJob() {
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND.code(), codeOf(() -> add.check(addRequest("10.0.0.1", HostTestSupport.uuid(77)))));
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), codeOf(() -> add.check(addRequest("10.0.0.1", KVM_CLUSTER))),
                "a Fake host in a KVM cluster");
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), codeOf(() -> add.check(addRequest("10.0.0.300", CLUSTER))));
        HostTestSupport.addHost(store, HostTestSupport.uuid(1), "10.0.0.1", 4, GIB);
        assertEquals(ErrorCode.CONFLICT.code(), codeOf(() -> add.check(addRequest("10.0.0.1", CLUSTER))), "duplicate managementIp");
        add.check(addRequest("10.0.0.2", CLUSTER));
        assertEquals(1, store.all().size(), "check writes nothing");
    }

    @Test
    void anAddedHostIsConnectedWithTheFactsItReports() {
        backend.alive.add("10.0.0.5");
        OperationRequest request = addRequest("10.0.0.5", CLUSTER);
        assertNull(HostTestSupport.run(add.flow(request), request));

        HostEntity h = store.find(request.requestId());
        assertEquals("Connected", h.getStatus());
        assertEquals("Enabled", h.getState());
        assertEquals(16, h.getCpuNum(), "from the backend's facts");
        assertEquals(2, h.getCpuSockets());
        assertEquals(16 * GIB, h.getMemory());
        assertEquals(ZONE, h.getZoneUuid());
        HostConnectionEntity c = store.findConnection(h.getUuid());
        assertEquals(Map.of("cpuCapacity", "16"), c.propertyMap(), "backend parameters persisted as properties; credentials apart");
        assertEquals("s3cret", c.toConnection(h).password());
        assertFalse(c.toConnection(h).toString().contains("s3cret"));
        assertEquals(1, events.published.size());
        assertEquals(EventType.CREATED, events.published.get(0).type());
        assertEquals(160, hosts.get(h.getUuid()).orElseThrow().totalCpuCapacity());
    }

    @Test
    void aPlatformLicenceCountingHostsRefusesOneHostTooManyBeforeAnyJob() {
        licences.quotaType = "host";
        licences.limit = 2;
        HostTestSupport.addHost(store, HostTestSupport.uuid(1), "10.0.0.1", 4, GIB);
        add.check(addRequest("10.0.0.2", CLUSTER));
        HostTestSupport.addHost(store, HostTestSupport.uuid(2), "10.0.0.2", 4, GIB);
        assertEquals("LICENSE.1003", codeOf(() -> add.check(addRequest("10.0.0.3", CLUSTER))));
        assertEquals(2, store.all().size(), "nothing written");
        licences.limit = 0;
        add.check(addRequest("10.0.0.3", CLUSTER));  // community edition: no limit
    }

    @Test
    void aPlatformLicenceCountingSocketsRefusesTheHostOnceItsSocketsAreKnownAndForgetsIt() {
        licences.quotaType = "cpu";
        licences.limit = 3;  // the fake reports 2 sockets per host
        backend.alive.add("10.0.0.8");
        backend.alive.add("10.0.0.9");
        OperationRequest first = addRequest("10.0.0.8", CLUSTER);
        assertNull(HostTestSupport.run(add.flow(first), first));
        OperationRequest second = addRequest("10.0.0.9", CLUSTER);
        Throwable failure = HostTestSupport.run(add.flow(second), second);
        assertNotNull(failure);
        assertTrue(failure.getMessage().contains("licensed 3 cpu, wanted 4"), failure.getMessage());
        assertNull(store.find(second.requestId()), "rolled back");
        assertEquals(1, store.all().size());
    }

    @Test
    void aHostThatCannotBeConnectedIsRemovedAndTheErrorSaysWhy() {
        OperationRequest request = addRequest("10.0.0.6", CLUSTER);  // not alive
        Throwable failure = HostTestSupport.run(add.flow(request), request);
        assertNotNull(failure);
        assertTrue(failure.getMessage().contains("no route to host 10.0.0.6"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Fake backend"), failure.getMessage());
        assertNull(store.find(request.requestId()));
        assertNull(store.findConnection(request.requestId()));
        assertTrue(events.published.isEmpty());
    }

    @Test
    void aHostOfAnotherArchitectureThanItsClusterIsRefusedAndForgotten() {
        backend.alive.add("10.0.0.7");
        backend.architecture = "aarch64";
        OperationRequest request = addRequest("10.0.0.7", CLUSTER);
        Throwable failure = HostTestSupport.run(add.flow(request), request);
        assertNotNull(failure);
        assertTrue(failure.getMessage().contains("aarch64"), failure.getMessage());
        assertNull(store.find(request.requestId()));
        assertEquals(List.of(request.requestId()), backend.disconnected, "the backend forgets it");
    }

    @Test
    void maintenanceEvacuatesTheHostAndAFailedEvacuationRestoresItsState() {
        String h = HostTestSupport.uuid(3);
        HostTestSupport.addHost(store, h, "10.0.0.3", 4, GIB);
        List<String> evacuated = new ArrayList<>();
        boolean[] fail = {true};
        VmService vms = new VmService() {
            @Override public Optional<VmInstanceInventory> get(String uuid) { return Optional.empty(); }
            @Override public List<VmInstanceInventory> vmsOnHost(String hostUuid) { return List.of(); }
            @Override public void evacuate(String hostUuid, Consumer<String> progress) throws Exception {
                assertEquals("PreMaintenance", store.find(hostUuid).getState(), "evacuated while in PreMaintenance");
                if (fail[0]) {
                    throw new Exception("vm v1 fits nowhere and cannot be stopped");
                }
                evacuated.add(hostUuid);
            }
        };
        ChangeHostStateOperation change = new ChangeHostStateOperation(store, hosts, events, List.of(vms));
        OperationRequest maintain = HostTestSupport.request("ChangeHostState", Map.of("uuid", h, "stateEvent", "maintain"));

        change.check(maintain);
        assertNotNull(HostTestSupport.run(change.flow(maintain), maintain));
        assertEquals("Enabled", store.find(h).getState(), "back to where it was");

        fail[0] = false;
        assertNull(HostTestSupport.run(change.flow(maintain), maintain));
        assertEquals("Maintenance", store.find(h).getState());
        assertEquals(List.of(h), evacuated);
        assertEquals(EventType.STATE_CHANGED, events.published.get(events.published.size() - 1).type());

        OperationRequest enable = HostTestSupport.request("ChangeHostState", Map.of("uuid", h, "stateEvent", "enable"));
        assertNull(HostTestSupport.run(change.flow(enable), enable));
        assertEquals("Enabled", store.find(h).getState());

        ChangeHostStateOperation noVmService = new ChangeHostStateOperation(store, hosts, events, List.of());
        assertNull(HostTestSupport.run(noVmService.flow(maintain), maintain), "no VM service: no VMs to move");
        assertEquals("Maintenance", store.find(h).getState());
    }

    @Test
    void deletingAZoneEnforcingDeletesItsClustersAndTheirHosts() throws Exception {
        String h = HostTestSupport.uuid(4);
        HostTestSupport.addHost(store, h, "10.0.0.4", 4, GIB);
        backend.alive.add("10.0.0.4");
        ClusterStore clusterStore = new ClusterStore(null) {
            @Override public io.kumo.compute.cluster.ClusterEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public List<io.kumo.compute.cluster.ClusterEntity> byZone(String z) { return db.inTransaction(() -> super.byZone(z)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
        };
        clusterStore.setEntityManager(db.entityManager());
        ClusterHosts clusterHosts = new ClusterHosts(store, hosts);
        io.kumo.api.inventory.DependentResourceService dependents = new HostTestSupport.NoDependents() {
            @Override public void deleteDependents(String parentType, String parentUuid) throws Exception {
                if ("cluster".equals(parentType)) {
                    clusterHosts.deleteDependents(parentType, parentUuid);
                }
            }
        };
        ClusterManager clusterManager = new ClusterManager(clusterStore, new HostTestSupport.Tags(), events, dependents);
        ZoneClusters zoneClusters = new ZoneClusters(clusterStore, clusterManager);
        assertEquals(List.of("host \"host-10.0.0.4\" (" + h + ")"), clusterHosts.dependentsOf("cluster", CLUSTER));
        assertEquals(2, zoneClusters.dependentsOf("zone", ZONE).size());

        zoneClusters.deleteDependents("zone", ZONE);

        assertTrue(zoneClusters.dependentsOf("zone", ZONE).isEmpty());
        assertNull(store.find(h));
        assertNull(store.findConnection(h));
        assertEquals(List.of(h), backend.disconnected);
        assertEquals(List.of("host", "cluster", "cluster"), events.published.stream().map(e -> e.resourceType()).toList());
        db.execute("INSERT INTO ClusterVO (uuid, name, state, hypervisorType, type, zoneUuid, architecture, createDate, lastOpDate)"
                + " VALUES ('" + CLUSTER + "', 'c', 'Enabled', 'Fake', 'zstack', '" + ZONE + "', 'x86_64', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        db.execute("INSERT INTO ClusterVO (uuid, name, state, hypervisorType, type, zoneUuid, architecture, createDate, lastOpDate)"
                + " VALUES ('" + KVM_CLUSTER + "', 'k', 'Enabled', 'KVM', 'zstack', '" + ZONE + "', 'x86_64', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }
}
