package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.StorageCapacity;

/**
 * {@code PUT /primary-storage/{uuid}/actions {"reconnectPrimaryStorage":{}}}: connects again and refreshes the
 * capacity, keeping what is reserved. The status says what was found: {@code Connected}, or {@code Disconnected}
 * when the backend cannot reach it (the job then fails, naming the cause).
 */
public class ReconnectPrimaryStorageOperation extends ReconnectStorageOperation<PrimaryStorageEntity, PrimaryStorageStore, PrimaryStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ReconnectPrimaryStorage")
            .description("Reconnect primary storage and refresh its capacity")
            .kind(OperationKind.ACTION).resourceType(PrimaryStorageInventory.RESOURCE_TYPE).inventoryType(PrimaryStorageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the primary storage"))
            .rest(RestBinding.put("/primary-storage/{uuid}/actions", "reconnectPrimaryStorage"))
            .build();

    /** Wires the operation. */
    public ReconnectPrimaryStorageOperation(PrimaryStorageStore store, PrimaryStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "primary storage", store, storages, events);
    }

    @Override
    protected boolean installed(String type) { return storages.backend(type).isPresent(); }

    @Override
    protected StorageCapacity connect(PrimaryStorageEntity storage) throws Exception {
        return storages.backend(storage.getType()).orElseThrow().connect(storage.toInventory(), storage.getProperties());
    }

    @Override
    protected void refresh(PrimaryStorageEntity ps, StorageCapacity capacity) {
        super.refresh(ps, capacity);
        ps.setTotalPhysicalCapacity(capacity.total());
        ps.setAvailablePhysicalCapacity(capacity.available());
    }
}
