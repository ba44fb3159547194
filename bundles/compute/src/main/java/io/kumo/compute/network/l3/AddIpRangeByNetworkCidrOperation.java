package io.kumo.compute.network.l3;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.ipam.IpRangeSpec;

/**
 * {@code POST /l3-networks/{l3NetworkUuid}/ip-ranges/by-cidr}: adds every host address of a network given in CIDR
 * form (prefix /8 to /30) but its gateway, by default the first host address.
 */
public class AddIpRangeByNetworkCidrOperation extends AddIpRangeOperation {
    /** Wires the operation. */
    public AddIpRangeByNetworkCidrOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(OperationDescriptor.builder("AddIpRangeByNetworkCidr").description("Add the host addresses of a network in CIDR form to an L3 network")
                .param(ParameterDescriptor.string("networkCidr").mandatory().maxLength(64).describedAs("the network, e.g. 192.168.10.0/24"))
                .param(ParameterDescriptor.string("gateway").maxLength(64).describedAs("the gateway; default: the first host address"))
                .rest(RestBinding.post("/l3-networks/{l3NetworkUuid}/ip-ranges/by-cidr")), store, l3s, events);
    }

    @Override
    protected IpRangeSpec spec(OperationRequest request) {
        return IpRangeSpec.ofCidr(request.string("networkCidr"), request.string("gateway"));
    }
}
