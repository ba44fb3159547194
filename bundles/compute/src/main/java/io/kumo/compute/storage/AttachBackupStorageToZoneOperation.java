package io.kumo.compute.storage;

import io.kumo.api.zone.ZoneInventory;
import io.kumo.api.zone.ZoneService;
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

/** {@code POST /zones/{zoneUuid}/backup-storage/{backupStorageUuid}}: images on the storage serve the zone. */
public class AttachBackupStorageToZoneOperation extends ExistingStorageOperation<BackupStorageEntity, BackupStorageStore, BackupStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AttachBackupStorageToZone")
            .description("Attach backup storage to a zone, so that VMs of the zone can be created from its images")
            .kind(OperationKind.ACTION).resourceType(BackupStorageInventory.RESOURCE_TYPE).inventoryType(BackupStorageInventory.class)
            .param(ParameterDescriptor.uuid("zoneUuid").mandatory().describedAs("the zone"))
            .param(ParameterDescriptor.uuid("backupStorageUuid").mandatory().describedAs("the backup storage"))
            .rest(RestBinding.post("/zones/{zoneUuid}/backup-storage/{backupStorageUuid}"))
            .build();

    private final ZoneService zones;

    /** Wires the operation. */
    public AttachBackupStorageToZoneOperation(BackupStorageStore store, BackupStorageManager storages,
                                                  ZoneService zones, EventPublisher events) {
        super(DESCRIPTOR, "backupStorageUuid", store, storages, events);
        this.zones = zones;
    }

    @Override
    public void check(OperationRequest request) {
        BackupStorageEntity ps = storages.require(uuidOf(request));
        String zoneUuid = request.string("zoneUuid");
        zones.get(zoneUuid)
                .orElseThrow(() -> ApiException.notFound(ZoneInventory.RESOURCE_TYPE, zoneUuid));
        if (ps.getAttachedZoneUuids().contains(zoneUuid)) {
            throw new ApiException(ErrorCode.CONFLICT, "backup storage " + ps.getUuid() + " is already attached to zone " + zoneUuid);
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String zoneUuid = request.string("zoneUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("attach", ctx -> store.update(uuid, ps -> {
                    if (!ps.getAttachedZoneUuids().contains(zoneUuid)) {
                        ps.getAttachedZoneUuids().add(zoneUuid);
                    }
                }), ctx -> store.update(uuid, ps -> ps.getAttachedZoneUuids().remove(zoneUuid)))
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
