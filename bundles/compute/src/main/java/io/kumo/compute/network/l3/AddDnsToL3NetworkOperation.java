package io.kumo.compute.network.l3;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.job.Flow;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.ipam.Ipv4;

import java.sql.Timestamp;

/** {@code POST /l3-networks/{l3NetworkUuid}/dns}: adds a DNS server (an IPv4 address) to an L3 network. */
public class AddDnsToL3NetworkOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AddDnsToL3Network")
            .description("Add a DNS server to an L3 network")
            .kind(OperationKind.ACTION).resourceType(L3NetworkInventory.RESOURCE_TYPE).inventoryType(L3NetworkInventory.class)
            .param(ParameterDescriptor.uuid("l3NetworkUuid").mandatory().describedAs("the L3 network"))
            .param(ParameterDescriptor.string("dns").mandatory().maxLength(64).describedAs("the DNS server's IPv4 address"))
            .rest(RestBinding.post("/l3-networks/{l3NetworkUuid}/dns"))
            .build();

    /** Wires the operation. */
    public AddDnsToL3NetworkOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(DESCRIPTOR, "l3NetworkUuid", store, l3s, events);
    }

    @Override
    public void check(OperationRequest request) {
        L3NetworkEntity l3 = l3s.require(l3UuidOf(request));
        Ipv4.parse(request.string("dns"), "dns");
        if (store.findDns(l3.getUuid(), request.string("dns")) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "DNS " + request.string("dns") + " is already a DNS server of " + l3.describe());
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String l3Uuid = l3UuidOf(request);
        String dns = request.string("dns");
        return Flow.named(DESCRIPTOR.name())
                .step("add-dns", ctx -> {
                    L3DnsEntity row = new L3DnsEntity();
                    row.setUuid(Uuids.random());
                    row.setL3NetworkUuid(l3Uuid);
                    row.setDns(dns);
                    row.setCreateDate(new Timestamp(System.currentTimeMillis()));
                    store.addDns(row);
                }, ctx -> store.removeDns(l3Uuid, dns))
                .step("announce", ctx -> announceUpdated(l3Uuid, ctx))
                .build();
    }
}
