package io.kumo.compute.network.l3;

import io.kumo.api.error.ApiException;
import io.kumo.api.network.FreeIpInventory;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.ipam.IpAllocator;

/**
 * {@code GET /l3-networks/{l3NetworkUuid}/ip/free} ({@code GetFreeIp}) and
 * {@code GET /l3-networks/ip-ranges/{ipRangeUuid}/ip/free} ({@code GetFreeIpOfIpRange}): free addresses, lowest first
 * from {@code start}, at most {@code limit}; used, reserved and gateway addresses are skipped.
 */
public class GetFreeIpOperation implements SyncOperation {
    private final OperationDescriptor descriptor;
    private final L3NetworkStore store;
    private final L3NetworkManager l3s;
    private final IpAllocator allocator;

    /**
     * @param ofRange true for the per-range form ({@code ipRangeUuid} in the path), false for the per-network form
     */
    public GetFreeIpOperation(boolean ofRange, L3NetworkStore store, L3NetworkManager l3s, IpAllocator allocator) {
        String param = ofRange ? "ipRangeUuid" : "l3NetworkUuid";
        this.descriptor = OperationDescriptor.builder(ofRange ? "GetFreeIpOfIpRange" : "GetFreeIp")
                .description("List free IP addresses of " + (ofRange ? "an IP range" : "an L3 network"))
                .kind(OperationKind.READ).resourceType(L3NetworkInventory.RESOURCE_TYPE).inventoryType(FreeIpInventory.class)
                .param(ParameterDescriptor.uuid(param).mandatory().describedAs(ofRange ? "the IP range" : "the L3 network"))
                .param(ParameterDescriptor.string("start").maxLength(64).withDefault("0.0.0.0").describedAs("the lowest address to list"))
                .param(ParameterDescriptor.integer("limit").range(1, 10000).withDefault("100").describedAs("how many addresses at most"))
                .rest(RestBinding.get(ofRange ? "/l3-networks/ip-ranges/{ipRangeUuid}/ip/free" : "/l3-networks/{l3NetworkUuid}/ip/free"))
                .build();
        this.store = store;
        this.l3s = l3s;
        this.allocator = allocator;
    }

    @Override public OperationDescriptor descriptor() { return descriptor; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String l3Uuid;
        String rangeUuid = request.string("ipRangeUuid");
        if (rangeUuid != null) {
            IpRangeEntity r = store.findRange(rangeUuid);
            if (r == null) {
                throw ApiException.notFound(NetworkEvents.IP_RANGE, rangeUuid);
            }
            l3Uuid = r.getL3NetworkUuid();
        } else {
            l3Uuid = l3s.require(request.string("l3NetworkUuid")).getUuid();
        }
        return OperationResult.inventories(allocator.freeIps(l3Uuid, rangeUuid, request.string("start"), request.integer("limit")), null);
    }
}
