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
import io.kumo.core.json.Json;

import java.util.List;

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
                        ctx.put("tag", t.snapshot());
                        ctx.put("inventory", Json.toMap(t.toInventory()));
                        store.delete(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("tag") != null) {
                        store.restore(List.of(ctx.get("tag")));
                    }
                })
                .step("announce", ctx -> {
                    if (ctx.get("inventory") != null) {
                        events.publish(new ResourceEvent(EventType.DELETED, "tag", uuid, ctx.get("inventory"), null, null, null, null));
                    }
                })
                .build();
    }
}
