package io.kumo.compute.offering;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code PUT /instance-offerings/{uuid}/actions {"changeInstanceOfferingState":{"stateEvent":"enable|disable"}}}, and for disk offerings. */
public class ChangeOfferingStateOperation extends ExistingOfferingOperation {
    /** Wires the operation of a kind of offering. */
    public ChangeOfferingStateOperation(OfferingKind kind, OfferingStore store, OfferingManager offerings, EventPublisher events) {
        super(OperationDescriptor.builder("Change" + kind.operationSuffix + "State")
                .description("Enable or disable an " + kind.what + "; only enabled offerings are used for new resources")
                .kind(OperationKind.ACTION).resourceType(kind.resourceType).inventoryType(kind.inventory)
                .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the " + kind.what))
                .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable").describedAs("enable or disable"))
                .rest(RestBinding.put(kind.path + "/{uuid}/actions", kind.actionKey("change") + "State"))
                .build(), kind, store, offerings, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        String newState = "enable".equals(request.string("stateEvent")) ? "Enabled" : "Disabled";
        return Flow.named(descriptor().name())
                .step("change-state", ctx -> {
                    ctx.put("oldState", offerings.require(kind, uuid).getState());
                    store.update(kind.entity, uuid, o -> o.setState(newState));
                }, ctx -> {
                    if (ctx.get("oldState") != null) {
                        store.update(kind.entity, uuid, o -> o.setState(ctx.getString("oldState")));
                    }
                })
                .step("announce", ctx -> {
                    String old = ctx.getString("oldState");
                    if (newState.equals(old)) {
                        announce(ctx, uuid, EventType.UPDATED, null, null);
                    } else {
                        announce(ctx, uuid, EventType.STATE_CHANGED, old, newState);
                    }
                })
                .build();
    }
}
