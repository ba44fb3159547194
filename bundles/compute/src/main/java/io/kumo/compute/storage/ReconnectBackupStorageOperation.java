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
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.StorageCapacity;

/**
 * {@code PUT /backup-storage/{uuid}/actions {"reconnectBackupStorage":{}}}: connects again and refreshes the
 * capacity, keeping what its images use. The status says what was found: {@code Connected}, or {@code Disconnected}
 * when the backend cannot reach it (the job then fails, naming the cause).
 */
public class ReconnectBackupStorageOperation extends ExistingBackupStorageOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ReconnectBackupStorage")
            .description("Reconnect backup storage and refresh its capacity")
            .kind(OperationKind.ACTION).resourceType(BackupStorageInventory.RESOURCE_TYPE).inventoryType(BackupStorageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the backup storage"))
            .rest(RestBinding.put("/backup-storage/{uuid}/actions", "reconnectBackupStorage"))
            .build();

    /** Wires the operation. */
    public ReconnectBackupStorageOperation(BackupStorageStore store, BackupStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "uuid", store, storages, events);
    }

    @Override
    public void check(OperationRequest request) {
        storages.backend(storages.require(uuidOf(request)).getType()).orElseThrow(() -> new ApiException(ErrorCode.TYPE_UNAVAILABLE,
                "the backend of backup storage " + uuidOf(request) + " is not installed; install it, then reconnect"));
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("reconnect", ctx -> {
                    BackupStorageEntity ps = store.update(uuid, p -> p.setStatus("Connecting"));
                    BackupStorageBackend backend = storages.backend(ps.getType()).orElseThrow(() -> new ApiException(
                            ErrorCode.TYPE_UNAVAILABLE, "the backend of backup storage " + uuid + " went away"));
                    StorageCapacity capacity;
                    try {
                        capacity = backend.connect(ps.toInventory(), ps.getProperties());
                    } catch (Exception e) {
                        store.update(uuid, p -> p.setStatus("Disconnected"));
                        announce(ctx, uuid, EventType.UPDATED, null, null);
                        throw e;
                    }
                    store.update(uuid, p -> {
                        long used = p.getTotalCapacity() - p.getAvailableCapacity();
                        p.setTotalCapacity(capacity.total());
                        p.setAvailableCapacity(Math.max(0, capacity.total() - used));
                        p.setStatus("Connected");
                    });
                })
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
