package io.kumo.compute.network.l3;

import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;

import java.util.Map;

/** {@code GET /l3-networks/{l3NetworkUuid}/mtu}: {@code {"mtu": 1500}}. */
public class GetL3NetworkMtuOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetL3NetworkMtu")
            .description("Get the MTU of an L3 network")
            .kind(OperationKind.READ).resourceType(L3NetworkInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("l3NetworkUuid").mandatory().describedAs("the L3 network"))
            .rest(RestBinding.get("/l3-networks/{l3NetworkUuid}/mtu"))
            .build();

    private final L3NetworkManager l3s;

    /** @param l3s L3 networks */
    public GetL3NetworkMtuOperation(L3NetworkManager l3s) { this.l3s = l3s; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.of(Map.of("mtu", l3s.require(request.string("l3NetworkUuid")).getMtu()));
    }
}
