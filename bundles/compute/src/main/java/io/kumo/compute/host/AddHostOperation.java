package io.kumo.compute.host;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.cluster.ClusterService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.host.HostInventory;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds a host of one hypervisor type: the operation a backend declares in {@link HypervisorBackend#addOperation()}
 * (e.g. {@code AddSimulatorHost} at {@code POST /hosts/simulators}), with the kernel's common parameters. The host is
 * recorded {@code Connecting}, connected through the backend (which reports its CPUs, memory and architecture), then
 * {@code Connected}; if connecting fails, the host is removed and the error names the backend's reason.
 */
public class AddHostOperation implements AsyncOperation {
    /** The parameters every add-host operation has, whatever the backend. */
    static final List<ParameterDescriptor> COMMON = List.of(
            ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("host name"),
            ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"),
            ParameterDescriptor.string("managementIp").mandatory().range(1, 253)
                    .describedAs("the IP address or host name the management node reaches the host at; unique among hosts"),
            ParameterDescriptor.uuid("clusterUuid").mandatory().describedAs("the cluster; its hypervisor type must be the backend's"),
            ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the host instead of a generated one"));
    private static final Set<String> CONNECTION_FIELDS = Set.of("username", "password");

    private final OperationDescriptor descriptor;
    private final HypervisorBackend backend;
    private final HostStore store;
    private final HostManager hosts;
    private final ClusterService clusters;
    private final TagService tags;
    private final EventPublisher events;
    private final LicenceService licences;

    /** Wires the operation of one backend. */
    public AddHostOperation(HypervisorBackend backend, HostStore store, HostManager hosts, ClusterService clusters,
                            TagService tags, EventPublisher events, LicenceService licences) {
        AddOperationSpec spec = backend.addOperation();
        this.descriptor = OperationDescriptor.builder(spec.operationName())
                .description(spec.description())
                .kind(OperationKind.CREATE).resourceType(HostInventory.RESOURCE_TYPE).inventoryType(HostInventory.class)
                .params(COMMON).params(spec.parameters())
                .rest(RestBinding.post(spec.restPath()))
                .build();
        this.backend = backend;
        this.store = store;
        this.hosts = hosts;
        this.clusters = clusters;
        this.tags = tags;
        this.events = events;
        this.licences = licences;
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }

    @Override
    public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        ClusterInventory cluster = clusters.get(request.string("clusterUuid"))
                .orElseThrow(() -> ApiException.notFound(ClusterInventory.RESOURCE_TYPE, request.string("clusterUuid")));
        if (!backend.hypervisorType().equals(cluster.hypervisorType())) {
            throw ApiException.invalidArgument("cluster " + cluster.uuid() + " holds " + cluster.hypervisorType()
                    + " hosts, not " + backend.hypervisorType() + " hosts; add this host to a " + backend.hypervisorType() + " cluster");
        }
        String ip = HostAddresses.requireValid(request.string("managementIp"));
        String other = store.hostWithManagementIp(ip);
        if (other != null) {
            throw new ApiException(ErrorCode.CONFLICT, "host " + other + " already has managementIp " + ip
                    + "; a host is added once (reconnect it instead)");
        }
        if (store.exists(uuidOf(request))) {
            throw new ApiException(ErrorCode.CONFLICT, "a host with uuid " + uuidOf(request) + " already exists; omit resourceUuid to get a new one");
        }
        if (licences.limits(LicenceInventory.QUOTA_HOST)) {
            licences.checkCapacity(LicenceInventory.QUOTA_HOST, store.countHostsAndSockets()[0] + 1);
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        Flow.Builder flow = Flow.named(descriptor.name());
        flow.step("create-host", ctx -> {
            ClusterInventory cluster = clusters.get(request.string("clusterUuid"))
                    .orElseThrow(() -> ApiException.notFound(ClusterInventory.RESOURCE_TYPE, request.string("clusterUuid")));
            Timestamp now = new Timestamp(System.currentTimeMillis());
            HostEntity h = new HostEntity();
            h.setUuid(uuid);
            h.setName(request.string("name"));
            h.setDescription(request.string("description"));
            h.setZoneUuid(cluster.zoneUuid());
            h.setClusterUuid(cluster.uuid());
            h.setManagementIp(request.string("managementIp"));
            h.setHypervisorType(backend.hypervisorType());
            h.setState(HostStates.ENABLED);
            h.setStatus(HostStatus.CONNECTING);
            h.setArchitecture(cluster.architecture());
            h.setCreateDate(now);
            h.setLastOpDate(now);
            store.create(h, new HostConnectionEntity(uuid, null, request.string("username"), request.string("password"),
                    backendProperties(request)));
        }, ctx -> {
            store.delete(uuid);
            store.deleteConnection(uuid);
        });
        flow.step("connect", ctx -> {
            HostFacts facts = hosts.connect(uuid);
            String expected = clusters.get(request.string("clusterUuid")).map(ClusterInventory::architecture).orElse(null);
            if (expected != null && facts.architecture() != null && !expected.equals(facts.architecture())) {
                throw ApiException.invalidArgument("the host's CPU architecture is " + facts.architecture() + " but cluster "
                        + request.string("clusterUuid") + " is " + expected + "; add it to a cluster of its architecture");
            }
            if (licences.limits(LicenceInventory.QUOTA_CPU)) {  // sockets are known once connected
                licences.checkCapacity(LicenceInventory.QUOTA_CPU, store.countHostsAndSockets()[1]);
            }
        }, ctx -> hosts.connection(uuid).ifPresent(backend::disconnect));
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(HostManager.VO_NAME, uuid, request.systemTags(), TagType.System);
                tags.attach(HostManager.VO_NAME, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        flow.step("announce", ctx -> {
            HostInventory inv = hosts.toInventory(store.find(uuid));
            ctx.result(OperationResult.inventory(inv));
            events.publish(new ResourceEvent(EventType.CREATED, HostInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        });
        return flow.build();
    }

    /** @return the backend's own parameters given, as strings: what reaches it in the connection's properties */
    private Map<String, String> backendProperties(OperationRequest request) {
        Map<String, String> props = new LinkedHashMap<>();
        for (ParameterDescriptor p : backend.addOperation().parameters()) {
            if (!CONNECTION_FIELDS.contains(p.name()) && request.has(p.name())) {
                props.put(p.name(), request.string(p.name()));
            }
        }
        return props;
    }
}
