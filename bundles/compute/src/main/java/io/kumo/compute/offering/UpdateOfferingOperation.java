package io.kumo.compute.offering;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code PUT /instance-offerings/{uuid}/actions {"updateInstanceOffering":{...}}}, and the same for disk offerings. */
public class UpdateOfferingOperation extends ExistingOfferingOperation {
    /** Wires the operation of a kind of offering. */
    public UpdateOfferingOperation(OfferingKind kind, OfferingStore store, OfferingManager offerings, EventPublisher events) {
        super(OperationDescriptor.builder("Update" + kind.operationSuffix)
                .description("Change the name, description or sort key of an " + kind.what)
                .kind(OperationKind.ACTION).resourceType(kind.resourceType).inventoryType(kind.inventory)
                .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the " + kind.what))
                .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
                .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
                .param(ParameterDescriptor.integer("sortKey").describedAs("new sort key"))
                .rest(RestBinding.put(kind.path + "/{uuid}/actions", kind.actionKey("update")))
                .build(), kind, store, offerings, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(descriptor().name())
                .step("update", ctx -> {
                    OfferingEntity before = offerings.require(kind, uuid);
                    ctx.put("oldName", before.getName());
                    ctx.put("oldDescription", before.getDescription());
                    ctx.put("oldSortKey", before.getSortKey());
                    store.update(kind.entity, uuid, o -> {
                        if (request.has("name")) { o.setName(request.string("name")); }
                        if (request.has("description")) { o.setDescription(request.string("description")); }
                        if (request.has("sortKey")) { o.setSortKey(request.integer("sortKey")); }
                    });
                }, ctx -> {
                    if (ctx.get("oldName") != null) {
                        store.update(kind.entity, uuid, o -> {
                            o.setName(ctx.getString("oldName"));
                            o.setDescription(ctx.getString("oldDescription"));
                            o.setSortKey(((Number) ctx.get("oldSortKey")).intValue());
                        });
                    }
                })
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
