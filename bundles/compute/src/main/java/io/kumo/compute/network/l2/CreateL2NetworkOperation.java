package io.kumo.compute.network.l2;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.job.StepContext;
import io.kumo.api.network.L2NetworkInventory;
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
import io.kumo.compute.network.NetworkEvents;

import java.sql.Timestamp;


/**
 * What creating an L2 network of any type shares: name, zone, interface and tags, a check that the uuid is new and
 * the zone exists, one step that writes the row (rolled back by deleting it), and the announcement. Each type adds
 * its parameters, checks and fields.
 */
abstract class CreateL2NetworkOperation implements AsyncOperation {
    protected final L2NetworkStore store;
    protected final L2NetworkManager l2s;
    private final ZoneService zones;
    private final TagService tags;
    private final NetworkEvents events;
    private final OperationDescriptor descriptor;

    CreateL2NetworkOperation(OperationDescriptor.Builder builder, L2NetworkStore store, L2NetworkManager l2s,
                             ZoneService zones, TagService tags, NetworkEvents events) {
        this.descriptor = builder.kind(OperationKind.CREATE).resourceType(L2NetworkInventory.RESOURCE_TYPE)
                .inventoryType(L2NetworkInventory.class).build();
        this.store = store;
        this.l2s = l2s;
        this.zones = zones;
        this.tags = tags;
        this.events = events;
    }

    /** The parameters every type has; physicalInterface is mandatory unless said otherwise. */
    static OperationDescriptor.Builder common(String name, String description, String path, boolean interfaceMandatory) {
        ParameterDescriptor nic = ParameterDescriptor.string("physicalInterface").range(1, 1024)
                .describedAs("the host interface it rides on, e.g. eth0");
        return OperationDescriptor.builder(name).description(description)
                .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("network name"))
                .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
                .param(ParameterDescriptor.uuid("zoneUuid").mandatory().describedAs("the zone"))
                .param(interfaceMandatory ? nic.mandatory() : nic)
                .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the network instead of a generated one"))
                .rest(RestBinding.post(path));
    }

    /** @return the L2 type created */
    protected abstract String type();

    /** Checks the type's own parameters (the zone exists). */
    protected void checkType(OperationRequest request) { }

    /** Sets the type's own fields on the new row; runs in the create step. */
    protected void fill(L2NetworkEntity l2, OperationRequest request, StepContext ctx) { }

    @Override public final OperationDescriptor descriptor() { return descriptor; }

    @Override
    public String serializationKey(OperationRequest request) { return uuidOf(request); }

    static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public final void check(OperationRequest request) {
        if (store.exists(uuidOf(request))) {
            throw new ApiException(ErrorCode.CONFLICT, "an L2 network with uuid " + uuidOf(request) + " already exists; omit resourceUuid to get a new one");
        }
        if (zones.get(request.string("zoneUuid")).isEmpty()) {
            throw ApiException.notFound(ZoneInventory.RESOURCE_TYPE, request.string("zoneUuid"));
        }
        checkType(request);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        Flow.Builder flow = Flow.named(descriptor.name());
        flow.step("create-l2-network", ctx -> {
            checkType(request);  // again, serialized: a concurrent request may have taken the VLAN or VNI
            Timestamp now = new Timestamp(System.currentTimeMillis());
            L2NetworkEntity l2 = new L2NetworkEntity();
            l2.setUuid(uuid);
            l2.setName(request.string("name"));
            l2.setDescription(request.string("description"));
            l2.setZoneUuid(request.string("zoneUuid"));
            l2.setPhysicalInterface(request.string("physicalInterface"));
            l2.setType(type());
            l2.setCreateDate(now);
            l2.setLastOpDate(now);
            fill(l2, request, ctx);
            store.create(l2);
        }, ctx -> store.delete(uuid));
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(L2NetworkManager.VO_NAME, uuid, request.systemTags(), TagType.System);
                tags.attach(L2NetworkManager.VO_NAME, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        flow.step("announce", ctx -> {
            L2NetworkInventory inv = l2s.inventory(uuid);
            ctx.result(OperationResult.inventory(inv));
            events.publish(EventType.CREATED, L2NetworkInventory.RESOURCE_TYPE, uuid, inv);
        });
        return flow.build();
    }

}
