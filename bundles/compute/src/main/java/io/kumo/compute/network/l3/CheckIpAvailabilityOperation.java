package io.kumo.compute.network.l3;

import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.compute.network.ipam.IpAllocator;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /l3-networks/{l3NetworkUuid}/ip/{ip}/availability}: {@code {"available": false, "reason": "..."}}. */
public class CheckIpAvailabilityOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CheckIpAvailability")
            .description("Tell whether an address of an L3 network can be taken, and if not, why")
            .kind(OperationKind.READ).resourceType(L3NetworkInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("l3NetworkUuid").mandatory().describedAs("the L3 network"))
            .param(ParameterDescriptor.string("ip").mandatory().maxLength(255).describedAs("the address"))
            .rest(RestBinding.get("/l3-networks/{l3NetworkUuid}/ip/{ip}/availability"))
            .build();

    private final IpAllocator allocator;

    /** @param allocator the allocator */
    public CheckIpAvailabilityOperation(IpAllocator allocator) { this.allocator = allocator; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String reason = allocator.unavailableReason(request.string("l3NetworkUuid"), request.string("ip"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("available", reason == null);
        if (reason != null) {
            body.put("reason", reason);
        }
        return OperationResult.of(body);
    }
}
