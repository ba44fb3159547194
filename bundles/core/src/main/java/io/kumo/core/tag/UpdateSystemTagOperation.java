package io.kumo.core.tag;

import io.kumo.api.error.ApiException;
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
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagType;

/** {@code PUT /system-tags/{uuid}/actions {"updateSystemTag":{"tag":...}}}. */
public class UpdateSystemTagOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateSystemTag")
            .description("Change the text of a system tag")
            .kind(OperationKind.ACTION).resourceType("tag").inventoryType(TagInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the system tag"))
            .param(ParameterDescriptor.string("tag").mandatory().range(1, 2048).describedAs("the new text"))
            .rest(RestBinding.put("/system-tags/{uuid}/actions", "updateSystemTag"))
            .build();

    private final TagStore store;
    private final EventPublisher events;

    /** Wires the operation. */
    public UpdateSystemTagOperation(TagStore store, EventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }
    @Override public String serializationKey(OperationRequest request) { return request.string("uuid"); }

    @Override
    public void check(OperationRequest request) {
        TagEntity t = store.find(request.string("uuid"));
        if (t == null || t.getType() != TagType.System) {
            throw ApiException.notFound("system tag", request.string("uuid"));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("update-tag", ctx -> {
                    TagEntity t = store.find(uuid);
                    ctx.put("oldTag", t.getTag());
                    store.updateText(uuid, request.string("tag"));
                }, ctx -> {
                    if (ctx.getString("oldTag") != null) {
                        store.updateText(uuid, ctx.getString("oldTag"));
                    }
                })
                .step("announce", ctx -> {
                    TagInventory t = store.find(uuid).toInventory();
                    ctx.result(OperationResult.inventory(t));
                    events.publish(new ResourceEvent(EventType.UPDATED, "tag", uuid, t, null, null, null, null));
                })
                .build();
    }
}
