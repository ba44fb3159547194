package io.kumo.compute.network.l2;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.job.Flow;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;

import java.sql.Timestamp;

/**
 * {@code POST /l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}}: the cluster's hosts reach the L2 network. A VXLAN
 * network is not attached itself: it reaches the clusters its pool is attached to.
 */
public class AttachL2NetworkToClusterOperation extends ExistingL2Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AttachL2NetworkToCluster")
            .description("Attach an L2 network to a cluster of the same zone")
            .kind(OperationKind.ACTION).resourceType(L2NetworkInventory.RESOURCE_TYPE).inventoryType(INVENTORY)
            .param(ParameterDescriptor.uuid("l2NetworkUuid").mandatory().describedAs("the L2 network"))
            .param(ParameterDescriptor.uuid("clusterUuid").mandatory().describedAs("the cluster"))
            .rest(RestBinding.post("/l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}"))
            .build();

    /** Wires the operation. */
    public AttachL2NetworkToClusterOperation(L2NetworkStore store, L2NetworkManager l2s, NetworkEvents events) {
        super(DESCRIPTOR, "l2NetworkUuid", store, l2s, events);
    }

    @Override
    public void check(OperationRequest request) {
        L2NetworkEntity l2 = l2s.require(uuidOf(request));
        if (L2NetworkEntity.VXLAN.equals(l2.getType())) {
            throw ApiException.invalidArgument(l2.describe() + " is a VXLAN network: attach its pool " + l2.getPoolUuid() + " to the cluster instead");
        }
        ClusterInventory cluster = l2s.requireCluster(request.string("clusterUuid"));
        if (!l2.getZoneUuid().equals(cluster.zoneUuid())) {
            throw ApiException.invalidArgument("cluster " + cluster.uuid() + " is in zone " + cluster.zoneUuid() + " but "
                    + l2.describe() + " is in zone " + l2.getZoneUuid() + "; attach it to a cluster of its zone");
        }
        if (store.findRef(l2.getUuid(), cluster.uuid()) != null) {
            throw new ApiException(ErrorCode.CONFLICT, l2.describe() + " is already attached to cluster " + cluster.uuid());
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String clusterUuid = request.string("clusterUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("attach", ctx -> {
                    L2ClusterRefEntity ref = new L2ClusterRefEntity();
                    ref.setUuid(Uuids.random());
                    ref.setL2NetworkUuid(uuid);
                    ref.setClusterUuid(clusterUuid);
                    ref.setCreateDate(new Timestamp(System.currentTimeMillis()));
                    store.attach(ref);
                }, ctx -> store.detach(uuid, clusterUuid))
                .step("announce", ctx -> {
                    L2NetworkInventory inv = l2s.inventory(uuid);
                    ctx.result(OperationResult.inventory(inv));
                    events.publish(EventType.UPDATED, L2NetworkInventory.RESOURCE_TYPE, uuid, inv);
                })
                .build();
    }
}
