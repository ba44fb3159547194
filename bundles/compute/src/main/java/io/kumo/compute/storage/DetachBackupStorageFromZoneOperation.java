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
import io.kumo.api.storage.BackupStorageInventory;

/** {@code DELETE /zones/{zoneUuid}/backup-storage/{backupStorageUuid}}. */
public class DetachBackupStorageFromZoneOperation extends ExistingStorageOperation<BackupStorageEntity, BackupStorageStore, BackupStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DetachBackupStorageFromZone")
            .description("Detach backup storage from a zone")
            .kind(OperationKind.ACTION).resourceType(BackupStorageInventory.RESOURCE_TYPE).inventoryType(BackupStorageInventory.class)
            .param(ParameterDescriptor.uuid("zoneUuid").mandatory().describedAs("the zone"))
            .param(ParameterDescriptor.uuid("backupStorageUuid").mandatory().describedAs("the backup storage"))
            .rest(RestBinding.delete("/zones/{zoneUuid}/backup-storage/{backupStorageUuid}"))
            .build();

    /** Wires the operation. */
    public DetachBackupStorageFromZoneOperation(BackupStorageStore store, BackupStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "backupStorageUuid", store, storages, events);
    }

    @Override
    public void check(OperationRequest request) {
        BackupStorageEntity ps = storages.require(uuidOf(request));
        if (!ps.getAttachedZoneUuids().contains(request.string("zoneUuid"))) {
            throw new ApiException(ErrorCode.INVALID_STATE, "backup storage " + ps.getUuid() + " is not attached to zone "
                    + request.string("zoneUuid") + "; it is attached to " + ps.getAttachedZoneUuids());
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String zoneUuid = request.string("zoneUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("detach", ctx -> {
                    BackupStorageEntity ps = store.update(uuid, p -> ctx.put("wasAttached", p.getAttachedZoneUuids().remove(zoneUuid)));
                    if (ps == null) {
                        throw ApiException.notFound(BackupStorageInventory.RESOURCE_TYPE, uuid);
                    }
                }, ctx -> {
                    if (Boolean.TRUE.equals(ctx.get("wasAttached"))) {
                        store.update(uuid, ps -> ps.getAttachedZoneUuids().add(zoneUuid));
                    }
                })
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
