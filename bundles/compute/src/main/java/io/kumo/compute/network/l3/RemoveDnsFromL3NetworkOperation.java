package io.kumo.compute.network.l3;

import io.kumo.api.job.Flow;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.Snapshots;

import java.util.List;
import java.util.Map;

/** {@code DELETE /l3-networks/{l3NetworkUuid}/dns/{dns}}: removes a DNS server; nothing happens if it is not there. */
public class RemoveDnsFromL3NetworkOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("RemoveDnsFromL3Network")
            .description("Remove a DNS server from an L3 network")
            .kind(OperationKind.ACTION).resourceType(L3NetworkInventory.RESOURCE_TYPE).inventoryType(L3NetworkInventory.class)
            .param(ParameterDescriptor.uuid("l3NetworkUuid").mandatory().describedAs("the L3 network"))
            .param(ParameterDescriptor.string("dns").mandatory().maxLength(64).describedAs("the DNS server's address"))
            .rest(RestBinding.delete("/l3-networks/{l3NetworkUuid}/dns/{dns}"))
            .build();

    /** Wires the operation. */
    public RemoveDnsFromL3NetworkOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(DESCRIPTOR, "l3NetworkUuid", store, l3s, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String l3Uuid = l3UuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("remove-dns", ctx -> {
                    L3DnsEntity row = store.removeDns(l3Uuid, request.string("dns"));
                    if (row != null) {
                        ctx.put("dns", Snapshots.of(row));
                    }
                }, ctx -> {
                    if (ctx.get("dns") instanceof Map<?, ?> saved) {
                        store.restore(null, List.of(), List.of(), List.of(Snapshots.restore(saved, L3DnsEntity.class)));
                    }
                })
                .step("announce", ctx -> announceUpdated(l3Uuid, ctx))
                .build();
    }
}
