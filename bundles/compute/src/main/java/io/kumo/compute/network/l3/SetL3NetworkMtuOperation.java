package io.kumo.compute.network.l3;

import io.kumo.api.job.Flow;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;

/** {@code POST /l3-networks/{l3NetworkUuid}/mtu}: sets the MTU of the network's NICs, 68 to 9216. */
public class SetL3NetworkMtuOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("SetL3NetworkMtu")
            .description("Set the MTU of an L3 network")
            .kind(OperationKind.ACTION).resourceType(L3NetworkInventory.RESOURCE_TYPE).inventoryType(L3NetworkInventory.class)
            .param(ParameterDescriptor.uuid("l3NetworkUuid").mandatory().describedAs("the L3 network"))
            .param(ParameterDescriptor.integer("mtu").mandatory().range(68, 9216).describedAs("the MTU in bytes, 68 to 9216"))
            .rest(RestBinding.post("/l3-networks/{l3NetworkUuid}/mtu"))
            .build();

    /** Wires the operation. */
    public SetL3NetworkMtuOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(DESCRIPTOR, "l3NetworkUuid", store, l3s, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String l3Uuid = l3UuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("set-mtu", ctx -> {
                    ctx.put("oldMtu", l3s.require(l3Uuid).getMtu());
                    store.update(l3Uuid, l3 -> l3.setMtu(request.integer("mtu")));
                }, ctx -> {
                    if (ctx.get("oldMtu") instanceof Number old) {
                        store.update(l3Uuid, l3 -> l3.setMtu(old.intValue()));
                    }
                })
                .step("announce", ctx -> announceUpdated(l3Uuid, ctx))
                .build();
    }
}
