package io.kumo.core.zone;

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

import java.sql.Timestamp;
import java.util.List;

/** {@code POST /zones}: creates a zone, with its tags; everything is rolled back if a step fails. */
public class CreateZoneOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateZone")
            .description("Create a zone: a data centre or availability zone holding clusters, storage and networks")
            .kind(OperationKind.CREATE).resourceType(ZoneInventory.RESOURCE_TYPE).inventoryType(ZoneInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("zone name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.bool("isDefault").describedAs("make it the default zone"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the zone instead of a generated one"))
            .rest(RestBinding.post("/zones"))
            .build();

    private final ZoneStore store;
    private final TagService tags;
    private final EventPublisher events;

    /** Wires the operation. */
    public CreateZoneOperation(ZoneStore store, TagService tags, EventPublisher events) {
        this.store = store;
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
        if (store.exists(uuidOf(request))) {
            throw new ApiException(ErrorCode.CONFLICT, "a zone with uuid " + uuidOf(request) + " already exists; omit resourceUuid to get a new one");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        boolean makeDefault = Boolean.TRUE.equals(request.bool("isDefault"));
        Flow.Builder flow = Flow.named(DESCRIPTOR.name());
        flow.step("create-zone", ctx -> {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            ZoneEntity z = new ZoneEntity();
            z.setUuid(uuid);
            z.setName(request.string("name"));
            z.setDescription(request.string("description"));
            z.setState("Enabled");
            z.setType("zstack");
            z.setDefault(makeDefault);
            z.setCreateDate(now);
            z.setLastOpDate(now);
            store.create(z);
        }, ctx -> store.delete(uuid));
        if (makeDefault) {
            flow.step("make-default", ctx -> {
                ctx.put("previousDefaults", store.defaultZonesExcept(uuid));
                store.clearDefaultExcept(uuid);
            }, ctx -> {
                Object prev = ctx.get("previousDefaults");
                if (prev instanceof List<?> l) {
                    l.forEach(u -> store.update(String.valueOf(u), z -> z.setDefault(true)));
                }
            });
        }
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(ZoneManager.VO_NAME, uuid, request.systemTags(), TagType.System);
                tags.attach(ZoneManager.VO_NAME, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        flow.step("announce", ctx -> {
            ZoneInventory inv = store.find(uuid).toInventory();
            ctx.result(OperationResult.inventory(inv));
            events.publish(new ResourceEvent(EventType.CREATED, ZoneInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        });
        return flow.build();
    }
}
