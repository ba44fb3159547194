package io.kumo.core.zone;

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
import io.kumo.api.zone.ZoneInventory;

/** {@code PUT /zones/{uuid}/actions {"changeZoneState":{"stateEvent":"enable|disable"}}}. */
public class ChangeZoneStateOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeZoneState")
            .description("Enable or disable a zone; a disabled zone takes no new resources")
            .kind(OperationKind.ACTION).resourceType(ZoneInventory.RESOURCE_TYPE).inventoryType(ZoneInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the zone"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable").describedAs("enable or disable"))
            .rest(RestBinding.put("/zones/{uuid}/actions", "changeZoneState"))
            .build();

    private final ZoneStore store;
    private final ZoneManager zones;
    private final EventPublisher events;

    /** Wires the operation. */
    public ChangeZoneStateOperation(ZoneStore store, ZoneManager zones, EventPublisher events) {
        this.store = store;
        this.zones = zones;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }
    @Override public String serializationKey(OperationRequest request) { return request.string("uuid"); }
    @Override public void check(OperationRequest request) { zones.require(request.string("uuid")); }

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
