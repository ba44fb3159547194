package io.kumo.compute.cluster;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.job.Step;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.compute.ComputeSchema;
import io.kumo.compute.backend.Backends;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Cluster operations on H2: validation before any job, creation, state change and delete modes. */
class ClusterOperationsTest {
    private static final String ZONE = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static Database db;
    private final List<ResourceEvent> events = new ArrayList<>();
    private final EventPublisher publisher = events::add;
    private final List<String> dependentsAsked = new ArrayList<>();
    private ClusterStore store;
    private Backends backends;
    private ClusterManager clusters;

    @BeforeAll
    static void open() {
        db = Database.h2(new Database.ModuleSchema("kumo-compute-test", ClusterOperationsTest.class.getClassLoader(), ComputeSchema.CHANGELOG));
        db.execute("INSERT INTO ZoneVO (uuid, name, state, type, isDefault, createDate, lastOpDate)"
                + " VALUES ('" + ZONE + "', 'z', 'Enabled', 'zstack', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    @AfterAll
    static void close() { db.close(); }

    private void wire() {
        store = new ClusterStore(null) {
            @Override public void create(ClusterEntity c) { db.inTransaction(() -> super.create(c)); }
            @Override public ClusterEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean exists(String uuid) { return db.inTransaction(() -> super.exists(uuid)); }
            @Override public List<ClusterEntity> byZone(String z) { return db.inTransaction(() -> super.byZone(z)); }
            @Override public ClusterEntity update(String uuid, Consumer<ClusterEntity> changes) { return db.inTransaction(() -> super.update(uuid, changes)); }
            @Override public void restore(Map<?, ?> snapshot) { db.inTransaction(() -> super.restore(snapshot)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
        };
        store.setEntityManager(db.entityManager());
        backends = new Backends(null);
        backends.hypervisors().add((HypervisorBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HypervisorBackend.class}, (p, m, a) -> "hypervisorType".equals(m.getName()) ? "Simulator" : null));
        clusters = new ClusterManager(store, noTags(), publisher, dependents());
    }

    private DependentResourceService dependents() {
        return new DependentResourceService() {
            @Override public List<String> dependentsOf(String t, String u) { return List.of(); }
            @Override public void requireNoDependents(String t, String u) {
                dependentsAsked.add("require " + t);
                throw new ApiException(ErrorCode.CONFLICT, "cluster has host h1");
            }
            @Override public void deleteDependents(String t, String u) { dependentsAsked.add("delete " + t); }
        };
    }

    private static TagService noTags() {
        return new TagService() {
            @Override public List<TagInventory> attach(String rt, String ru, List<String> tags, TagType type) { return List.of(); }
            @Override public List<TagInventory> tagsOf(String ru) { return List.of(); }
            @Override public void detachAll(String ru) { }
            @Override public Set<String> resourcesWithTag(TagType type, io.kumo.api.query.QueryOperator op, String value) { return Set.of(); }
        };
    }

    private static OperationRequest request(String op, Map<String, Object> params) {
        return new OperationRequest(op, params, List.of(), List.of(), Caller.system("test"), Uuids.random());
    }

    private static void run(io.kumo.api.job.Flow flow, OperationRequest request) throws Exception {
        Map<String, Object> scratch = new HashMap<>();
        StepContext ctx = new StepContext() {
            @Override public String jobId() { return request.requestId(); }
            @Override public OperationRequest request() { return request; }
            @Override public void put(String key, Object value) { scratch.put(key, value); }
            @Override public Object get(String key) { return scratch.get(key); }
            @Override public void progress(int percent, String message) { }
            @Override public void result(OperationResult result) { }
        };
        for (Step s : flow.steps()) {
            s.run(ctx);
        }
    }

    private CreateClusterOperation create(boolean zoneExists) {
        return new CreateClusterOperation(store, uuid -> zoneExists
                ? Optional.of(new ZoneInventory(uuid, "z", null, "Enabled", "zstack", false, null, null)) : Optional.empty(),
                backends, noTags(), publisher);
    }

    private Map<String, Object> createParams(String hypervisorType) {
        Map<String, Object> p = new HashMap<>();
        p.put("zoneUuid", ZONE);
        p.put("name", "cluster1");
        p.put("hypervisorType", hypervisorType);
        p.put("type", "zstack");
        p.put("architecture", "x86_64");
        return p;
    }

    @Test
    void createRefusesAMissingZoneAndAHypervisorTypeWithoutBackend() {
        wire();
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND.code(), assertThrows(ApiException.class,
                () -> create(false).check(request("CreateCluster", createParams("Simulator")))).error().code());
        ApiException noBackend = assertThrows(ApiException.class, () -> create(true).check(request("CreateCluster", createParams("KVM"))));
        assertEquals(ErrorCode.TYPE_UNAVAILABLE.code(), noBackend.error().code());
        assertEquals(true, noBackend.getMessage().contains("Simulator"), "names the types available: " + noBackend.getMessage());
    }

    @Test
    void aClusterIsCreatedChangedAndDeletedWithItsDependentsInEnforcingMode() throws Exception {
        wire();
        OperationRequest req = request("CreateCluster", createParams("Simulator"));
        create(true).check(req);
        run(create(true).flow(req), req);
        String uuid = req.requestId();
        ClusterEntity c = store.find(uuid);
        assertEquals("Enabled", c.getState());
        assertEquals(ZONE, c.getZoneUuid());
        assertEquals("x86_64", c.getArchitecture());
        assertEquals(EventType.CREATED, events.get(0).type());

        OperationRequest disable = request("ChangeClusterState", Map.of("uuid", uuid, "stateEvent", "disable"));
        run(new ChangeClusterStateOperation(store, clusters, publisher).flow(disable), disable);
        assertEquals("Disabled", store.find(uuid).getState());
        assertEquals(EventType.STATE_CHANGED, events.get(1).type());

        DeleteClusterOperation delete = new DeleteClusterOperation(store, clusters, noTags(), publisher, dependents());
        assertEquals(ErrorCode.CONFLICT.code(), assertThrows(ApiException.class,
                () -> delete.check(request("DeleteCluster", Map.of("uuid", uuid, "deleteMode", "Permissive")))).error().code());
        OperationRequest enforcing = request("DeleteCluster", Map.of("uuid", uuid, "deleteMode", "Enforcing"));
        delete.check(enforcing);
        run(delete.flow(enforcing), enforcing);
        assertNull(store.find(uuid));
        assertEquals(List.of("require cluster", "delete cluster"), dependentsAsked);
        assertEquals(EventType.DELETED, events.get(2).type());
    }
}
