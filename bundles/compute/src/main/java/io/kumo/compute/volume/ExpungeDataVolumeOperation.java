package io.kumo.compute.volume;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/**
 * {@code PUT /volumes/{uuid}/actions {"expungeDataVolume":{}}}: removes a deleted data volume for good: its snapshots
 * and its file are deleted from storage, its space released, its row and tags removed. Deleting from storage cannot
 * be undone: a failure leaves the volume Deleted, to expunge again.
 */
public class ExpungeDataVolumeOperation extends ExistingVolumeOperation {
    private static final OperationDescriptor DESCRIPTOR = action("ExpungeDataVolume", "/volumes/{uuid}/actions",
            "expungeDataVolume", "Remove a deleted data volume for good: its data, snapshots and storage space").build();

    /** Wires the operation. */
    public ExpungeDataVolumeOperation(VolumeManager volumes) { super(DESCRIPTOR, volumes); }

    @Override
    public void check(OperationRequest request) { RecoverDataVolumeOperation.requireDeleted(volumes, request.string("uuid")); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("delete-snapshots", ctx -> {
                    VolumeEntity v = RecoverDataVolumeOperation.requireDeleted(volumes, uuid);
                    for (VolumeSnapshotEntity s : volumes.snapshots().of(uuid)) {
                        DeleteVolumeSnapshotOperation.deleteFromStorage(volumes, v, s);
                        volumes.snapshots().delete(s.getUuid());
                    }
                })
                .step("expunge", ctx -> {
                    VolumeEntity v = RecoverDataVolumeOperation.requireDeleted(volumes, uuid);
                    volumes.vms().deleteVolume(v);
                    volumes.vms().tags().detachAll(uuid);
                })
                .build();
    }
}
