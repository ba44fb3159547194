package io.kumo.compute.offering;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagService;
import io.kumo.compute.storage.Snapshots;

/**
 * {@code DELETE /instance-offerings/{uuid}} or {@code /disk-offerings/{uuid}}: VMs and volumes created from an
 * offering keep their sizes, so nothing depends on it.
 */
public class DeleteOfferingOperation extends ExistingOfferingOperation {
    private final TagService tags;

    /** Wires the operation of a kind of offering. */
    public DeleteOfferingOperation(OfferingKind kind, OfferingStore store, OfferingManager offerings, TagService tags,
                                   EventPublisher events) {
        super(OperationDescriptor.builder("Delete" + kind.operationSuffix).description("Delete an " + kind.what)
                .kind(OperationKind.DELETE).resourceType(kind.resourceType)
                .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the " + kind.what))
                .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                        .describedAs("accepted for compatibility: nothing depends on an offering"))
                .rest(RestBinding.delete(kind.path + "/{uuid}"))
                .build(), kind, store, offerings, events);
        this.tags = tags;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(descriptor().name())
                .step("delete", ctx -> {
                    OfferingEntity o = store.find(kind.entity, uuid);
                    if (o != null) {
                        ctx.put("offering", Snapshots.of(o));
                        ctx.put("inventory", Snapshots.of(o.toInventory()));
                        store.delete(kind.entity, uuid);
                    }
                }, ctx -> {
                    if (ctx.get("offering") != null) {
                        store.restore(kind.entity, ctx.get("offering"));
                    }
                })
                // tags go last: a tag deletion cannot be rolled back through the plugin API
                .step("detach-tags", ctx -> tags.detachAll(uuid))
                .step("announce", ctx -> {
                    if (ctx.get("inventory") != null) {
                        events.publish(new ResourceEvent(EventType.DELETED, kind.resourceType, uuid, ctx.get("inventory"), null, null, null, null));
                    }
                })
                .build();
    }
}
