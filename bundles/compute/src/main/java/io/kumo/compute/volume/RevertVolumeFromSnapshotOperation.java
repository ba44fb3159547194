package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.vm.VolumeInventory;

/**
 * {@code PUT /volume-snapshots/{uuid}/actions {"revertVolumeFromSnapshot":{}}}: puts a volume back to one of its
 * snapshots, on storage. Only for a volume no running VM writes to (409: stop the VM first). Serialized on the volume.
 */
public class RevertVolumeFromSnapshotOperation extends ExistingSnapshotOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("RevertVolumeFromSnapshot")
            .description("Revert a volume that no running VM writes to, to one of its snapshots")
            .kind(OperationKind.ACTION).resourceType(VolumeSnapshotInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VolumeInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the snapshot"))
            .rest(RestBinding.put("/volume-snapshots/{uuid}/actions", "revertVolumeFromSnapshot"))
            .build();

    /** Wires the operation. */
    public RevertVolumeFromSnapshotOperation(VolumeManager volumes) { super(DESCRIPTOR, volumes); }

    @Override
    public void check(OperationRequest request) {
        VolumeSnapshotEntity s = requireReady(request.string("uuid"));
        VolumeEntity v = CreateVolumeSnapshotOperation.requireSnapshottable(volumes, s.getVolumeUuid(), "revert it");
        PrimaryStorageInventory ps = volumes.storage(v.getPrimaryStorageUuid());
        VolumeManager.requireImplemented(volumes.backend(ps), "revertSnapshot", "volume snapshots", ps.type());
    }

    private VolumeSnapshotEntity requireReady(String uuid) {
        VolumeSnapshotEntity s = require(uuid);
        if (!"Ready".equals(s.getStatus())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "volume snapshot " + uuid + " is " + s.getStatus() + "; wait until it is Ready");
        }
        return s;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("revert-on-storage", ctx -> {
                    VolumeSnapshotEntity s = requireReady(uuid);
                    VolumeEntity v = CreateVolumeSnapshotOperation.requireSnapshottable(volumes, s.getVolumeUuid(), "revert it");
                    PrimaryStorageInventory ps = volumes.storage(v.getPrimaryStorageUuid());
                    VolumeManager.call(ps.type(), () -> {
                        volumes.backend(ps).revertSnapshot(ps, volumes.hostOf(v), v.getInstallPath(), s.getPrimaryStorageInstallPath());
                        return null;
                    });
                })
                .step("announce", ctx -> ctx.result(OperationResult.inventory(
                        volumes.announce(require(uuid).getVolumeUuid(), EventType.UPDATED))))
                .build();
    }
}
