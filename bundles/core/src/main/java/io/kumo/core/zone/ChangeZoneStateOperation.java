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

/** {@code PUT /zones/{uuid}/actions {"changeZoneState":{"stateEvent":"enable|disable"}}}. */
public class ChangeZoneStateOperation extends ExistingZoneOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeZoneState")
            .description("Enable or disable a zone; a disabled zone takes no new resources")
            .kind(OperationKind.ACTION).resourceType(ZoneInventory.RESOURCE_TYPE).inventoryType(ZoneInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the zone"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable").describedAs("enable or disable"))
            .rest(RestBinding.put("/zones/{uuid}/actions", "changeZoneState"))
            .build();


    /** Wires the operation. */
    public ChangeZoneStateOperation(ZoneStore store, ZoneManager zones, EventPublisher events) {
        super(DESCRIPTOR, store, zones, events);
    }


    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        String newState = "enable".equals(request.string("stateEvent")) ? "Enabled" : "Disabled";
        return Flow.named(DESCRIPTOR.name())
                .step("change-state", ctx -> {
                    ctx.put("oldState", zones.require(uuid).getState());
                    store.update(uuid, z -> z.setState(newState));
                }, ctx -> {
                    if (ctx.get("oldState") != null) {
                        store.update(uuid, z -> z.setState(ctx.getString("oldState")));
                    }
                })
                .step("announce", ctx -> {
                    ZoneInventory inv = zones.require(uuid).toInventory();
                    ctx.result(OperationResult.inventory(inv));
                    String old = ctx.getString("oldState");
                    if (!newState.equals(old)) {
                        events.publish(new ResourceEvent(EventType.STATE_CHANGED, ZoneInventory.RESOURCE_TYPE, uuid, inv, old, newState, null, null));
                    }
                })
                .build();
    }
}
