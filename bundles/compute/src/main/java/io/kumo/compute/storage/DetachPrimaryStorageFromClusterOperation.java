package io.kumo.compute.storage;

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

/** {@code DELETE /clusters/{clusterUuid}/primary-storage/{primaryStorageUuid}}. */
public class DetachPrimaryStorageFromClusterOperation extends ExistingStorageOperation<PrimaryStorageEntity, PrimaryStorageStore, PrimaryStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DetachPrimaryStorageFromCluster")
            .description("Detach primary storage from a cluster")
            .kind(OperationKind.ACTION).resourceType(PrimaryStorageInventory.RESOURCE_TYPE).inventoryType(PrimaryStorageInventory.class)
            .param(ParameterDescriptor.uuid("clusterUuid").mandatory().describedAs("the cluster"))
            .param(ParameterDescriptor.uuid("primaryStorageUuid").mandatory().describedAs("the primary storage"))
            .rest(RestBinding.delete("/clusters/{clusterUuid}/primary-storage/{primaryStorageUuid}"))
            .build();

    /** Wires the operation. */
    public DetachPrimaryStorageFromClusterOperation(PrimaryStorageStore store, PrimaryStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "primaryStorageUuid", store, storages, events);
    }

    @Override
    public void check(OperationRequest request) {
        PrimaryStorageEntity ps = storages.require(uuidOf(request));
        if (!ps.getAttachedClusterUuids().contains(request.string("clusterUuid"))) {
            throw new ApiException(ErrorCode.INVALID_STATE, "primary storage " + ps.getUuid() + " is not attached to cluster "
                    + request.string("clusterUuid") + "; it is attached to " + ps.getAttachedClusterUuids());
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String clusterUuid = request.string("clusterUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("detach", ctx -> {
                    PrimaryStorageEntity ps = store.update(uuid, p -> ctx.put("wasAttached", p.getAttachedClusterUuids().remove(clusterUuid)));
                    if (ps == null) {
                        throw ApiException.notFound(PrimaryStorageInventory.RESOURCE_TYPE, uuid);
                    }
                }, ctx -> {
                    if (Boolean.TRUE.equals(ctx.get("wasAttached"))) {
                        store.update(uuid, ps -> ps.getAttachedClusterUuids().add(clusterUuid));
                    }
                })
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
