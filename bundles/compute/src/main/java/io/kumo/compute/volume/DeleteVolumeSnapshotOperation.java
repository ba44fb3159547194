package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageInventory;

/**
 * {@code DELETE /volume-snapshots/{uuid}}: deletes a snapshot from storage and removes it; its children take its parent,
 * and its parent becomes the latest if it was. Only for a volume no running VM writes to. Deleting from storage cannot
 * be undone: it is the step before the rows change.
 */
public class DeleteVolumeSnapshotOperation extends ExistingSnapshotOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteVolumeSnapshot")
            .description("Delete a volume snapshot of a volume that no running VM writes to")
            .kind(OperationKind.DELETE).resourceType(VolumeSnapshotInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the snapshot"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("accepted for compatibility: a snapshot has no dependents"))
            .rest(RestBinding.delete("/volume-snapshots/{uuid}"))
            .build();

    /** Wires the operation. */
    public DeleteVolumeSnapshotOperation(VolumeManager volumes) { super(DESCRIPTOR, volumes); }

    @Override
    public void check(OperationRequest request) {
        VolumeSnapshotEntity s = require(request.string("uuid"));
        VolumeEntity v = volumes.volumes().find(s.getVolumeUuid());
        if (v != null) {
            volumes.requireNoRunningWriter(v, "delete its snapshot");
        }
    }

    /** Deletes a snapshot from its storage, if both still exist. */
    static void deleteFromStorage(VolumeManager volumes, VolumeEntity v, VolumeSnapshotEntity s) throws Exception {
        if (s.getPrimaryStorageInstallPath() == null) {
            return;
        }
        PrimaryStorageInventory ps = volumes.vms().storage().get(s.getPrimaryStorageUuid()).orElse(null);
        if (ps != null) {
            VolumeManager.call(ps.type(), () -> {
                volumes.backend(ps).deleteSnapshot(ps, v == null ? null : volumes.hostOf(v),
                        v == null ? null : v.getInstallPath(), s.getPrimaryStorageInstallPath());
                return null;
            });
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("delete-on-storage", ctx -> {
                    VolumeSnapshotEntity s = require(uuid);
                    VolumeEntity v = volumes.volumes().find(s.getVolumeUuid());
                    if (v != null) {
                        volumes.requireNoRunningWriter(v, "delete its snapshot");
                    }
                    deleteFromStorage(volumes, v, s);
                })
                .step("remove-snapshot", ctx -> {
                    VolumeSnapshotEntity s = require(uuid);
                    VolumeSnapshotInventory inv = s.toInventory();
                    volumes.snapshots().reparent(uuid, s.getParentUuid());
                    if (s.isLatest() && s.getParentUuid() != null) {
                        volumes.snapshots().update(s.getParentUuid(), p -> p.setLatest(true));
                    }
                    volumes.snapshots().delete(uuid);
                    volumes.vms().tags().detachAll(uuid);
                    volumes.events().publish(new ResourceEvent(EventType.DELETED, VolumeSnapshotInventory.RESOURCE_TYPE, uuid, inv,
                            null, null, null, null));
                })
                .build();
    }
}
