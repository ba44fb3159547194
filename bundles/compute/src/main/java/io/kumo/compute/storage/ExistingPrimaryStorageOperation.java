package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.storage.PrimaryStorageInventory;

/**
 * What every operation on an existing primary storage shares: it is serialized on the storage's uuid (the parameter
 * {@code uuidParam}), and refused with a 404 before any job exists when the storage is not there.
 */
abstract class ExistingPrimaryStorageOperation implements AsyncOperation {
    protected final PrimaryStorageStore store;
    protected final PrimaryStorageManager storages;
    protected final EventPublisher events;
    private final OperationDescriptor descriptor;
    private final String uuidParam;

    ExistingPrimaryStorageOperation(OperationDescriptor descriptor, String uuidParam, PrimaryStorageStore store,
                                    PrimaryStorageManager storages, EventPublisher events) {
        this.descriptor = descriptor;
        this.uuidParam = uuidParam;
        this.store = store;
        this.storages = storages;
        this.events = events;
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }
    @Override public final String serializationKey(OperationRequest request) { return uuidOf(request); }
    @Override public void check(OperationRequest request) { storages.require(uuidOf(request)); }

    /** @param request the request @return the storage acted on */
    protected final String uuidOf(OperationRequest request) { return request.string(uuidParam); }

    /** Returns the storage as it is now and publishes the change. */
    protected final void announce(StepContext ctx, String uuid, EventType type, String oldState, String newState) {
        PrimaryStorageInventory inv = storages.require(uuid).toInventory();
        ctx.result(OperationResult.inventory(inv));
        events.publish(new ResourceEvent(type, PrimaryStorageInventory.RESOURCE_TYPE, uuid, inv, oldState, newState, null, null));
    }
}
