package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.StorageCapacity;

/**
 * {@code PUT /backup-storage/{uuid}/actions {"reconnectBackupStorage":{}}}: connects again and refreshes the
 * capacity, keeping what its images use. The status says what was found: {@code Connected}, or {@code Disconnected}
 * when the backend cannot reach it (the job then fails, naming the cause).
 */
public class ReconnectBackupStorageOperation extends ReconnectStorageOperation<BackupStorageEntity, BackupStorageStore, BackupStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ReconnectBackupStorage")
            .description("Reconnect backup storage and refresh its capacity")
            .kind(OperationKind.ACTION).resourceType(BackupStorageInventory.RESOURCE_TYPE).inventoryType(BackupStorageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the backup storage"))
            .rest(RestBinding.put("/backup-storage/{uuid}/actions", "reconnectBackupStorage"))
            .build();

    /** Wires the operation. */
    public ReconnectBackupStorageOperation(BackupStorageStore store, BackupStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "backup storage", store, storages, events);
    }

    @Override
    protected boolean installed(String type) { return storages.backend(type).isPresent(); }

    @Override
    protected StorageCapacity connect(BackupStorageEntity storage) throws Exception {
        return storages.backend(storage.getType()).orElseThrow().connect(storage.toInventory(), storage.getProperties());
    }
}
