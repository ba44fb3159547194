package io.kumo.compute.network.l2;

import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.Snapshots;

import java.util.Map;

/** {@code DELETE /l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}}: the cluster's hosts no longer reach the L2 network. */
public class DetachL2NetworkFromClusterOperation extends ExistingL2Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DetachL2NetworkFromCluster")
            .description("Detach an L2 network from a cluster; nothing happens if it is not attached")
            .kind(OperationKind.ACTION).resourceType(L2NetworkInventory.RESOURCE_TYPE).inventoryType(INVENTORY)
            .param(ParameterDescriptor.uuid("l2NetworkUuid").mandatory().describedAs("the L2 network"))
            .param(ParameterDescriptor.uuid("clusterUuid").mandatory().describedAs("the cluster"))
            .rest(RestBinding.delete("/l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}"))
            .build();

    /** Wires the operation. */
    public DetachL2NetworkFromClusterOperation(L2NetworkStore store, L2NetworkManager l2s, NetworkEvents events) {
        super(DESCRIPTOR, "l2NetworkUuid", store, l2s, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String clusterUuid = request.string("clusterUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("detach", ctx -> {
                    L2ClusterRefEntity ref = store.detach(uuid, clusterUuid);
                    if (ref != null) {
                        ctx.put("ref", Snapshots.of(ref));
                    }
                }, ctx -> {
                    if (ctx.get("ref") instanceof Map<?, ?> saved) {
                        store.restore(null, java.util.List.of(Snapshots.restore(saved, L2ClusterRefEntity.class)), java.util.List.of());
                    }
                })
                .step("announce", ctx -> {
                    L2NetworkInventory inv = l2s.inventory(uuid);
                    ctx.result(OperationResult.inventory(inv));
                    if (ctx.get("ref") != null) {
                        events.publish(EventType.UPDATED, L2NetworkInventory.RESOURCE_TYPE, uuid, inv);
                    }
                })
                .build();
    }
}
