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
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.StorageCapacity;

/**
 * {@code PUT /primary-storage/{uuid}/actions {"reconnectPrimaryStorage":{}}}: connects again and refreshes the
 * capacity, keeping what is reserved. The status says what was found: {@code Connected}, or {@code Disconnected}
 * when the backend cannot reach it (the job then fails, naming the cause).
 */
public class ReconnectPrimaryStorageOperation extends ExistingPrimaryStorageOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ReconnectPrimaryStorage")
            .description("Reconnect primary storage and refresh its capacity")
            .kind(OperationKind.ACTION).resourceType(PrimaryStorageInventory.RESOURCE_TYPE).inventoryType(PrimaryStorageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the primary storage"))
            .rest(RestBinding.put("/primary-storage/{uuid}/actions", "reconnectPrimaryStorage"))
            .build();

    /** Wires the operation. */
    public ReconnectPrimaryStorageOperation(PrimaryStorageStore store, PrimaryStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "uuid", store, storages, events);
    }

    @Override
    public void check(OperationRequest request) {
        storages.backend(storages.require(uuidOf(request)).getType()).orElseThrow(() -> new ApiException(ErrorCode.TYPE_UNAVAILABLE,
                "the backend of primary storage " + uuidOf(request) + " is not installed; install it, then reconnect"));
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("reconnect", ctx -> {
                    PrimaryStorageEntity ps = store.update(uuid, p -> p.setStatus("Connecting"));
                    PrimaryStorageBackend backend = storages.backend(ps.getType()).orElseThrow(() -> new ApiException(
                            ErrorCode.TYPE_UNAVAILABLE, "the backend of primary storage " + uuid + " went away"));
                    StorageCapacity capacity;
                    try {
                        capacity = backend.connect(ps.toInventory(), ps.getProperties());
                    } catch (Exception e) {
                        store.update(uuid, p -> p.setStatus("Disconnected"));
                        announce(ctx, uuid, EventType.UPDATED, null, null);
                        throw e;
                    }
                    store.update(uuid, p -> {
                        long reserved = p.getTotalCapacity() - p.getAvailableCapacity();
                        p.setTotalCapacity(capacity.total());
                        p.setAvailableCapacity(Math.max(0, capacity.total() - reserved));
                        p.setTotalPhysicalCapacity(capacity.total());
                        p.setAvailablePhysicalCapacity(capacity.available());
                        p.setStatus("Connected");
                    });
                })
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
