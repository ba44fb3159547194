package io.kumo.core.tag;

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
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagType;
import io.kumo.core.json.Json;

import java.sql.Timestamp;

/** {@code DELETE /tags/{uuid}}: removes a user tag or a non-inherent system tag. */
public class DeleteTagOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteTag")
            .description("Delete a tag")
            .kind(OperationKind.DELETE).resourceType("tag")
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the tag"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("accepted for compatibility; tags have no children"))
            .rest(RestBinding.delete("/tags/{uuid}"))
            .build();

    private final TagStore store;
    private final EventPublisher events;

    /** Wires the operation. */
    public DeleteTagOperation(TagStore store, EventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }
    @Override public String serializationKey(OperationRequest request) { return request.string("uuid"); }

    @Override
    public void check(OperationRequest request) {
        TagEntity t = store.find(request.string("uuid"));
        if (t == null) {
            throw ApiException.notFound("tag", request.string("uuid"));
        }
        if (t.isInherent()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "tag " + t.getUuid() + " is an inherent system tag managed by Kumo and cannot be deleted");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("delete-tag", ctx -> {
                    TagEntity t = store.find(uuid);
                    if (t != null) {
                        ctx.put("tag", Json.toMap(t.toInventory()));
                        store.delete(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("tag") != null && store.find(uuid) == null) {
                        TagInventory saved = Json.MAPPER.convertValue(ctx.get("tag"), TagInventory.class);
                        TagEntity t = new TagEntity();
                        t.setUuid(uuid);
                        t.setResourceUuid(saved.resourceUuid());
                        t.setResourceType(saved.resourceType());
                        t.setTag(saved.tag());
                        t.setType(saved.type() == null ? TagType.User : saved.type());
                        Timestamp now = new Timestamp(System.currentTimeMillis());
                        t.setCreateDate(now);
                        t.setLastOpDate(now);
                        store.create(t);
                    }
                })
                .step("announce", ctx -> {
                    if (ctx.get("tag") != null) {
                        events.publish(new ResourceEvent(EventType.DELETED, "tag", uuid, ctx.get("tag"), null, null, null, null));
                    }
                })
                .build();
    }
}
