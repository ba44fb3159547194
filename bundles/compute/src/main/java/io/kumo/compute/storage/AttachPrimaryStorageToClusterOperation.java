package io.kumo.compute.storage;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.cluster.ClusterService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageInventory;

/** {@code POST /clusters/{clusterUuid}/primary-storage/{primaryStorageUuid}}: hosts of the cluster may use the storage. */
public class AttachPrimaryStorageToClusterOperation extends ExistingStorageOperation<PrimaryStorageEntity, PrimaryStorageStore, PrimaryStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AttachPrimaryStorageToCluster")
            .description("Attach primary storage to a cluster of the same zone, so that its hosts keep volumes there")
            .kind(OperationKind.ACTION).resourceType(PrimaryStorageInventory.RESOURCE_TYPE).inventoryType(PrimaryStorageInventory.class)
            .param(ParameterDescriptor.uuid("clusterUuid").mandatory().describedAs("the cluster"))
            .param(ParameterDescriptor.uuid("primaryStorageUuid").mandatory().describedAs("the primary storage"))
            .rest(RestBinding.post("/clusters/{clusterUuid}/primary-storage/{primaryStorageUuid}"))
            .build();

    private final ClusterService clusters;

    /** Wires the operation. */
    public AttachPrimaryStorageToClusterOperation(PrimaryStorageStore store, PrimaryStorageManager storages,
                                                  ClusterService clusters, EventPublisher events) {
        super(DESCRIPTOR, "primaryStorageUuid", store, storages, events);
        this.clusters = clusters;
    }

    @Override
    public void check(OperationRequest request) {
        PrimaryStorageEntity ps = storages.require(uuidOf(request));
        String clusterUuid = request.string("clusterUuid");
        ClusterInventory cluster = clusters.get(clusterUuid)
                .orElseThrow(() -> ApiException.notFound(ClusterInventory.RESOURCE_TYPE, clusterUuid));
        if (!cluster.zoneUuid().equals(ps.getZoneUuid())) {
            throw ApiException.invalidArgument("cluster " + clusterUuid + " is in zone " + cluster.zoneUuid()
                    + " but primary storage " + ps.getUuid() + " is in zone " + ps.getZoneUuid()
                    + "; attach storage of the cluster's zone");
        }
        if (ps.getAttachedClusterUuids().contains(clusterUuid)) {
            throw new ApiException(ErrorCode.CONFLICT, "primary storage " + ps.getUuid() + " is already attached to cluster " + clusterUuid);
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String clusterUuid = request.string("clusterUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("attach", ctx -> store.update(uuid, ps -> {
                    if (!ps.getAttachedClusterUuids().contains(clusterUuid)) {
                        ps.getAttachedClusterUuids().add(clusterUuid);
                    }
                }), ctx -> store.update(uuid, ps -> ps.getAttachedClusterUuids().remove(clusterUuid)))
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
