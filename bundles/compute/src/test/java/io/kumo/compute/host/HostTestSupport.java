package io.kumo.compute.host;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.job.Flow;
import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.job.Step;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import io.kumo.compute.ComputeSchema;
import io.kumo.core.testing.Database;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** Fakes and an H2 database for the host tests. */
final class HostTestSupport {
    static final String ZONE = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String CLUSTER = "cccccccccccccccccccccccccccccccc";
    static final long GIB = 1L << 30;

    private HostTestSupport() { }

    /** @return an H2 database with the kernel and compute schemas, a zone and a "Fake" cluster */
    static Database database() {
        Database db = Database.h2(new Database.ModuleSchema("kumo-compute-test", HostTestSupport.class.getClassLoader(),
                ComputeSchema.CHANGELOG));
        db.execute("INSERT INTO ZoneVO (uuid, name, state, type, isDefault, createDate, lastOpDate)"
                + " VALUES ('" + ZONE + "', 'z', 'Enabled', 'zstack', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        db.execute("INSERT INTO ClusterVO (uuid, name, state, hypervisorType, type, zoneUuid, architecture, createDate, lastOpDate)"
                + " VALUES ('" + CLUSTER + "', 'c', 'Enabled', 'Fake', 'zstack', '" + ZONE + "', 'x86_64', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        return db;
    }

    /** @return a host store whose every method runs in its own transaction, as in OSGi */
    static HostStore store(Database db) {
        HostStore s = new HostStore(null) {
            @Override public void create(HostEntity host, HostConnectionEntity c) { db.inTransaction(() -> super.create(host, c)); }
            @Override public HostEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean exists(String uuid) { return db.inTransaction(() -> super.exists(uuid)); }
            @Override public HostConnectionEntity findConnection(String uuid) { return db.inTransaction(() -> super.findConnection(uuid)); }
            @Override public List<HostEntity> byCluster(String c) { return db.inTransaction(() -> super.byCluster(c)); }
            @Override public String hostWithManagementIp(String ip) { return db.inTransaction(() -> super.hostWithManagementIp(ip)); }
            @Override public List<HostEntity> all() { return db.inTransaction(super::all); }
            @Override public long[] countHostsAndSockets() { return db.inTransaction(super::countHostsAndSockets); }
            @Override public List<Object[]> allWithConnections() { return db.inTransaction(super::allWithConnections); }
            @Override public HostEntity update(String uuid, Consumer<HostEntity> changes) { return db.inTransaction(() -> super.update(uuid, changes)); }
            @Override public boolean changeStatus(String uuid, String status) { return db.inTransaction(() -> super.changeStatus(uuid, status)); }
            @Override public boolean reserve(String uuid, long cpu, long memory) { return db.inTransaction(() -> super.reserve(uuid, cpu, memory)); }
            @Override public int applyRatios(double cpuRatio, double memoryRatio) { return db.inTransaction(() -> super.applyRatios(cpuRatio, memoryRatio)); }
            @Override public void release(String uuid, long cpu, long memory) { db.inTransaction(() -> super.release(uuid, cpu, memory)); }
            @Override public void restore(Map<?, ?> snapshot) { db.inTransaction(() -> super.restore(snapshot)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
            @Override public void deleteConnection(String uuid) { db.inTransaction(() -> super.deleteConnection(uuid)); }
            @Override public QueryResult<Object> query(QueryRequest r, Function<HostEntity, ?> f) { return db.inTransaction(() -> super.query(r, f)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** Adds a Connected host of the Fake type to the test cluster. */
    static HostEntity addHost(HostStore store, String uuid, String ip, int cpuNum, long memory) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        HostEntity h = new HostEntity();
        h.setUuid(uuid);
        h.setName("host-" + ip);
        h.setZoneUuid(ZONE);
        h.setClusterUuid(CLUSTER);
        h.setManagementIp(ip);
        h.setHypervisorType(FakeBackend.TYPE);
        h.setState(HostStates.ENABLED);
        h.setStatus(HostStatus.CONNECTED);
        h.setCpuNum(cpuNum);
        h.setCpuSockets(1);
        h.setMemory(memory);
        h.applyRatios(10, 1);  // the default ratios
        h.setArchitecture("x86_64");
        h.setCreateDate(now);
        h.setLastOpDate(now);
        store.create(h, new HostConnectionEntity(uuid, null, "root", "secret", Map.of("k", "v")));
        return h;
    }

    /** @param i a number @return a uuid made of it */
    static String uuid(int i) { return String.format("%032x", i + 1); }

    /** Global configuration with the host settings' defaults, changeable by the test and read live. */
    static final class Config implements GlobalConfigService {
        private final Map<String, String> values = new ConcurrentHashMap<>();

        Config() {
            for (GlobalConfigDefinition d : new HostGlobalConfigs().definitions()) {
                values.put(d.key(), d.defaultValue());
            }
        }

        private final Map<String, List<Consumer<String>>> watchers = new ConcurrentHashMap<>();

        /** Sets a value and tells its watchers, as a change on any node does. */
        void set(String category, String name, String value) {
            values.put(category + "." + name, value);
            watchers.getOrDefault(category + "." + name, List.of()).forEach(w -> w.accept(value));
        }

        @Override
        public String value(String category, String name) {
            String v = values.get(category + "." + name);
            if (v == null) {
                throw ApiException.invalidArgument("no setting " + category + "." + name);
            }
            return v;
        }

        @Override
        public AutoCloseable watch(String category, String name, Consumer<String> listener) {
            watchers.computeIfAbsent(category + "." + name, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(listener);
            return () -> watchers.get(category + "." + name).remove(listener);
        }
    }

    /** A hypervisor backend whose hosts answer when their address is in {@link #alive}. */
    static final class FakeBackend implements HypervisorBackend {
        static final String TYPE = "Fake";
        final Set<String> alive = ConcurrentHashMap.newKeySet();
        final List<String> pinged = Collections.synchronizedList(new ArrayList<>());
        final List<String> disconnected = Collections.synchronizedList(new ArrayList<>());
        final List<HostConnection> connected = Collections.synchronizedList(new ArrayList<>());
        volatile String architecture = "x86_64";

        @Override public String hypervisorType() { return TYPE; }

        @Override
        public AddOperationSpec addOperation() {
            return new AddOperationSpec("AddFakeHost", "/hosts/fakes", "Add a fake host",
                    List.of(ParameterDescriptor.longParam("cpuCapacity").mandatory(), ParameterDescriptor.string("username"),
                            ParameterDescriptor.string("password")));
        }

        @Override
        public HostFacts connect(HostConnection host) throws Exception {
            if (!alive.contains(host.managementIp())) {
                throw new Exception("no route to host " + host.managementIp());
            }
            connected.add(host);
            int cpus = Integer.parseInt(host.properties().getOrDefault("cpuCapacity", "8"));
            return new HostFacts(cpus, 2, "fake", architecture, 16 * GIB);
        }

        @Override
        public CompletionStage<Boolean> ping(HostConnection host) {
            pinged.add(host.hostUuid());
            return CompletableFuture.completedFuture(alive.contains(host.managementIp()));
        }

        @Override public void disconnect(HostConnection host) { disconnected.add(host.hostUuid()); }
        @Override public void startVm(HostConnection host, VmSpec vm) { }
        @Override public void stopVm(HostConnection host, VmSpec vm, boolean force) { }
        @Override public void rebootVm(HostConnection host, VmSpec vm) { }
        @Override public void pauseVm(HostConnection host, VmSpec vm) { }
        @Override public void resumeVm(HostConnection host, VmSpec vm) { }
        @Override public void migrateVm(HostConnection source, HostConnection target, VmSpec vm) { }
        @Override public void destroyVm(HostConnection host, VmSpec vm) { }
        @Override public Map<String, VmPowerState> vmStates(HostConnection host) { return Map.of(); }
    }

    /** A platform licence counting hosts or CPU sockets up to a limit (0: no licence, the community edition). */
    static final class Licences implements LicenceService {
        volatile String quotaType;
        volatile long limit;

        @Override public Optional<LicenceInventory> platformLicence() { return Optional.empty(); }
        @Override public List<LicenceInventory> moduleLicences() { return List.of(); }
        @Override public void checkModule(String module, boolean mutating) { }
        @Override public boolean limits(String type) { return limit > 0 && type.equals(quotaType); }

        @Override
        public void checkCapacity(String type, long total) {
            if (limits(type) && total > limit) {
                throw new ApiException(LICENCE_CAPACITY_EXCEEDED, "licensed " + limit + " " + type + ", wanted " + total);
            }
        }
    }

    /** Records published events. */
    static final class Events implements EventPublisher {
        final List<ResourceEvent> published = Collections.synchronizedList(new ArrayList<>());

        @Override public void publish(ResourceEvent event) { published.add(event); }
    }

    /** Tags kept in memory. */
    static final class Tags implements TagService {
        final Map<String, List<String>> byResource = new ConcurrentHashMap<>();

        @Override
        public List<TagInventory> attach(String resourceType, String resourceUuid, List<String> tags, TagType type) {
            byResource.computeIfAbsent(resourceUuid, k -> new ArrayList<>()).addAll(tags);
            return List.of();
        }

        @Override public List<TagInventory> tagsOf(String resourceUuid) { return List.of(); }
        @Override public void detachAll(String resourceUuid) { byResource.remove(resourceUuid); }
        @Override public Set<String> resourcesWithTag(TagType type, io.kumo.api.query.QueryOperator operator, String value) { return Set.of(); }
    }

    /** No module keeps anything under hosts. */
    static class NoDependents implements DependentResourceService {
        @Override public List<String> dependentsOf(String parentType, String parentUuid) { return List.of(); }
        @Override public void requireNoDependents(String parentType, String parentUuid) { }
        @Override public void deleteDependents(String parentType, String parentUuid) throws Exception { }
    }

    /** @return a request of an operation from the system, with a random id */
    static OperationRequest request(String operation, Map<String, Object> params) {
        return new OperationRequest(operation, params, List.of(), List.of(), Caller.system("test"),
                io.kumo.api.inventory.Uuids.random());
    }

    /**
     * Runs a flow as the job engine does: steps in order; on a failure, the failed step and those before it are
     * rolled back in reverse order.
     *
     * @return the failure, or null if every step ran
     */
    static Throwable run(Flow flow, OperationRequest request) {
        Map<String, Object> scratch = new HashMap<>();
        StepContext ctx = new StepContext() {
            @Override public String jobId() { return request.requestId(); }
            @Override public OperationRequest request() { return request; }
            @Override public void put(String key, Object value) { scratch.put(key, value); }
            @Override public Object get(String key) { return scratch.get(key); }
            @Override public void progress(int percent, String message) { }
            @Override public void result(OperationResult result) { scratch.put("__result", result); }
        };
        List<Step> steps = flow.steps();
        for (int i = 0; i < steps.size(); i++) {
            try {
                steps.get(i).run(ctx);
            } catch (Exception e) {
                for (int j = i; j >= 0; j--) {
                    try {
                        steps.get(j).rollback(ctx);
                    } catch (Exception ignored) {
                        // as the engine: rollback continues
                    }
                }
                return e;
            }
        }
        return null;
    }
}
