package io.kumo.compute.network.l3;

import io.kumo.api.job.Flow;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;

/** {@code PUT /l3-networks/{uuid}/actions {"changeL3NetworkState":{"stateEvent":"enable|disable"}}}. */
public class ChangeL3NetworkStateOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeL3NetworkState")
            .description("Enable or disable an L3 network; a disabled network takes no new NICs")
            .kind(OperationKind.ACTION).resourceType(L3NetworkInventory.RESOURCE_TYPE).inventoryType(L3NetworkInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the L3 network"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable").describedAs("enable or disable"))
            .rest(RestBinding.put("/l3-networks/{uuid}/actions", "changeL3NetworkState"))
            .build();

    /** Wires the operation. */
    public ChangeL3NetworkStateOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(DESCRIPTOR, "uuid", store, l3s, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = l3UuidOf(request);
        String newState = "enable".equals(request.string("stateEvent")) ? "Enabled" : "Disabled";
        return Flow.named(DESCRIPTOR.name())
                .step("change-state", ctx -> {
                    ctx.put("oldState", l3s.require(uuid).getState());
                    store.update(uuid, l3 -> l3.setState(newState));
                }, ctx -> {
                    if (ctx.get("oldState") != null) {
                        store.update(uuid, l3 -> l3.setState(ctx.getString("oldState")));
                    }
                })
                .step("announce", ctx -> {
                    L3NetworkInventory inv = l3s.inventory(uuid);
                    ctx.result(OperationResult.inventory(inv));
                    String old = ctx.getString("oldState");
                    if (!newState.equals(old)) {
                        events.stateChanged(L3NetworkInventory.RESOURCE_TYPE, uuid, inv, old, newState);
                    }
                })
                .build();
    }
}
