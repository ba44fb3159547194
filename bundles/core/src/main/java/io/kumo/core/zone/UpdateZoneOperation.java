package io.kumo.core.zone;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.zone.ZoneInventory;

/** {@code PUT /zones/{uuid}/actions {"updateZone":{...}}}: renames or redescribes a zone. */
public class UpdateZoneOperation extends ExistingZoneOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateZone")
            .description("Change the name or description of a zone")
            .kind(OperationKind.ACTION).resourceType(ZoneInventory.RESOURCE_TYPE).inventoryType(ZoneInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the zone"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .rest(RestBinding.put("/zones/{uuid}/actions", "updateZone"))
            .build();


    /** Wires the operation. */
    public UpdateZoneOperation(ZoneStore store, ZoneManager zones, EventPublisher events) {
        super(DESCRIPTOR, store, zones, events);
    }


    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("update-zone", ctx -> {
                    ZoneEntity before = zones.require(uuid);
                    ctx.put("oldName", before.getName());
                    ctx.put("oldDescription", before.getDescription());
                    store.update(uuid, z -> {
                        if (request.has("name")) {
                            z.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            z.setDescription(request.string("description"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("oldName") != null) {
                        store.update(uuid, z -> {
                            z.setName(ctx.getString("oldName"));
                            z.setDescription(ctx.getString("oldDescription"));
                        });
                    }
                })
                .step("announce", ctx -> {
                    ZoneInventory inv = zones.require(uuid).toInventory();
                    ctx.result(OperationResult.inventory(inv));
                    events.publish(new ResourceEvent(EventType.UPDATED, ZoneInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
                })
                .build();
    }
}
