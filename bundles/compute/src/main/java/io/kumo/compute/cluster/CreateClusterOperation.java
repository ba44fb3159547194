package io.kumo.compute.cluster;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagService;
import io.kumo.api.tag.TagType;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.api.zone.ZoneService;
import io.kumo.compute.backend.Backends;

import java.sql.Timestamp;

/** {@code POST /clusters}: creates a cluster of hosts of one hypervisor type in a zone. */
public class CreateClusterOperation implements AsyncOperation {
    /** The CPU architectures a cluster may have. */
    static final String[] ARCHITECTURES = {"x86_64", "aarch64", "mips64el", "loongarch64"};

    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateCluster")
            .description("Create a cluster: a group of hosts of one hypervisor type in a zone")
            .kind(OperationKind.CREATE).resourceType(ClusterInventory.RESOURCE_TYPE).inventoryType(ClusterInventory.class)
            .param(ParameterDescriptor.uuid("zoneUuid").mandatory().describedAs("the zone the cluster belongs to"))
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("cluster name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.string("hypervisorType").mandatory().range(1, 255)
                    .describedAs("the hypervisor type of its hosts, e.g. KVM or Simulator; a backend of that type must be installed"))
            .param(ParameterDescriptor.string("type").oneOf("zstack").withDefault("zstack").describedAs("the cluster type"))
            .param(ParameterDescriptor.string("architecture").oneOf(ARCHITECTURES).withDefault("x86_64")
                    .describedAs("the CPU architecture of its hosts"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the cluster instead of a generated one"))
            .rest(RestBinding.post("/clusters"))
            .build();

    private final ClusterStore store;
    private final ZoneService zones;
    private final Backends backends;
    private final TagService tags;
    private final EventPublisher events;

    /** Wires the operation. */
    public CreateClusterOperation(ClusterStore store, ZoneService zones, Backends backends, TagService tags, EventPublisher events) {
        this.store = store;
        this.zones = zones;
        this.backends = backends;
        this.tags = tags;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        String zoneUuid = request.string("zoneUuid");
        if (zones.get(zoneUuid).isEmpty()) {
            throw ApiException.notFound(ZoneInventory.RESOURCE_TYPE, zoneUuid);
        }
        backends.hypervisors().require(request.string("hypervisorType"));
        if (store.exists(uuidOf(request))) {
            throw new ApiException(ErrorCode.CONFLICT, "a cluster with uuid " + uuidOf(request) + " already exists; omit resourceUuid to get a new one");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        Flow.Builder flow = Flow.named(DESCRIPTOR.name());
        flow.step("create-cluster", ctx -> {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            ClusterEntity c = new ClusterEntity();
            c.setUuid(uuid);
            c.setName(request.string("name"));
            c.setDescription(request.string("description"));
            c.setState("Enabled");
            c.setHypervisorType(request.string("hypervisorType"));
            c.setType(request.string("type"));
            c.setZoneUuid(request.string("zoneUuid"));
            c.setArchitecture(request.string("architecture"));
            c.setCreateDate(now);
            c.setLastOpDate(now);
            store.create(c);
        }, ctx -> store.delete(uuid));
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(ClusterManager.VO_NAME, uuid, request.systemTags(), TagType.System);
                tags.attach(ClusterManager.VO_NAME, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        flow.step("announce", ctx -> {
            ClusterInventory inv = store.find(uuid).toInventory();
            ctx.result(OperationResult.inventory(inv));
            events.publish(new ResourceEvent(EventType.CREATED, ClusterInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        });
        return flow.build();
    }
}
