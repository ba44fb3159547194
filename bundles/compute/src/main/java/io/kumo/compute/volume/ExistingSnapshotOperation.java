package io.kumo.compute.volume;

import io.kumo.api.error.ApiException;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/** What operations on an existing snapshot share: a 404 before any job if it is absent, serialized on its volume. */
abstract class ExistingSnapshotOperation implements AsyncOperation {
    protected final VolumeManager volumes;
    private final OperationDescriptor descriptor;

    ExistingSnapshotOperation(OperationDescriptor descriptor, VolumeManager volumes) {
        this.descriptor = descriptor;
        this.volumes = volumes;
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }

    @Override
    public String serializationKey(OperationRequest request) {
        VolumeSnapshotEntity s = volumes.snapshots().find(request.string("uuid"));
        return s == null ? request.string("uuid") : s.getVolumeUuid();
    }

    /** @return the snapshot @throws ApiException 404 if absent */
    protected VolumeSnapshotEntity require(String uuid) {
        VolumeSnapshotEntity s = volumes.snapshots().find(uuid);
        if (s == null) {
            throw ApiException.notFound(VolumeSnapshotInventory.RESOURCE_TYPE, uuid);
        }
        return s;
    }

    @Override
    public void check(OperationRequest request) { require(request.string("uuid")); }
}
