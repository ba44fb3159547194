package io.kumo.core.tag;

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

import java.util.List;

/** {@code POST /user-tags} and {@code POST /system-tags}: tags a resource. */
public class CreateTagOperation implements AsyncOperation {
    private final OperationDescriptor descriptor;
    private final TagType type;
    private final TagManager tags;
    private final TagStore store;
    private final EventPublisher events;

    /** @param type which kind of tag this operation creates */
    public CreateTagOperation(TagType type, TagManager tags, TagStore store, EventPublisher events) {
        this.type = type;
        this.tags = tags;
        this.store = store;
        this.events = events;
        String kind = type.name();
        this.descriptor = OperationDescriptor.builder("Create" + kind + "Tag")
                .description("Attach a " + kind.toLowerCase() + " tag to a resource")
                .kind(OperationKind.CREATE).resourceType("tag").inventoryType(TagInventory.class)
                .param(ParameterDescriptor.string("resourceType").mandatory().range(1, 64).describedAs("resource type, e.g. ZoneVO"))
                .param(ParameterDescriptor.uuid("resourceUuid").mandatory().describedAs("the tagged resource"))
                .param(ParameterDescriptor.string("tag").mandatory().range(1, 2048).describedAs("the tag text"))
                .rest(RestBinding.post("/" + kind.toLowerCase() + "-tags"))
                .build();
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }
    @Override public String serializationKey(OperationRequest request) { return request.string("resourceUuid"); }

    @Override
    public void check(OperationRequest request) {
        tags.requireResource(request.string("resourceType"), request.string("resourceUuid"));
    }

    @Override
    public Flow flow(OperationRequest request) {
        return Flow.named(descriptor.name())
                .step("create-tag", ctx -> {
                    TagInventory t = tags.attach(request.string("resourceType"), request.string("resourceUuid"),
                            List.of(request.string("tag")), type).get(0);
                    ctx.put("tagUuid", t.uuid());
                }, ctx -> {
                    if (ctx.getString("tagUuid") != null) {
                        store.delete(ctx.getString("tagUuid"));
                    }
                })
                .step("announce", ctx -> {
                    TagInventory t = store.find(ctx.getString("tagUuid")).toInventory();
                    ctx.result(OperationResult.inventory(t));
                    events.publish(new ResourceEvent(EventType.CREATED, "tag", t.uuid(), t, null, null, null, null));
                })
                .build();
    }
}
