package io.kumo.compute.offering;

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

import java.util.List;

/** {@code POST /instance-offerings} or {@code POST /disk-offerings}: creates an offering, with its tags. */
public abstract class CreateOfferingOperation implements AsyncOperation {
    private final OperationDescriptor descriptor;
    private final OfferingKind kind;
    private final OfferingStore store;
    private final TagService tags;
    private final EventPublisher events;

    CreateOfferingOperation(OfferingKind kind, String description, List<ParameterDescriptor> params, OfferingStore store,
                            TagService tags, EventPublisher events) {
        this.kind = kind;
        this.store = store;
        this.tags = tags;
        this.events = events;
        this.descriptor = OperationDescriptor.builder("Create" + kind.operationSuffix).description(description)
                .kind(OperationKind.CREATE).resourceType(kind.resourceType).inventoryType(kind.inventory)
                .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("offering name"))
                .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
                .params(params)
                .param(ParameterDescriptor.integer("sortKey").withDefault("0").describedAs("an ordering hint for consoles"))
                .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the offering instead of a generated one"))
                .rest(RestBinding.post(kind.path))
                .build();
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }

    @Override public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        if (store.find(kind.entity, uuidOf(request)) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "an " + kind.what + " with uuid " + uuidOf(request)
                    + " already exists; omit resourceUuid to get a new one");
        }
    }

    /** @param request the request @param uuid its uuid @return the new row, Enabled, dated now */
    abstract OfferingEntity newOffering(OperationRequest request, String uuid);

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        Flow.Builder flow = Flow.named(descriptor.name())
                .step("create", ctx -> store.create(newOffering(request, uuid)), ctx -> store.delete(kind.entity, uuid));
        if (!request.systemTags().isEmpty() || !request.userTags().isEmpty()) {
            flow.step("attach-tags", ctx -> {
                tags.attach(kind.voName, uuid, request.systemTags(), TagType.System);
                tags.attach(kind.voName, uuid, request.userTags(), TagType.User);
            }, ctx -> tags.detachAll(uuid));
        }
        return flow.step("announce", ctx -> {
            Object inv = store.find(kind.entity, uuid).toInventory();
            ctx.result(OperationResult.inventory(inv));
            events.publish(new ResourceEvent(EventType.CREATED, kind.resourceType, uuid, inv, null, null, null, null));
        }).build();
    }
}
