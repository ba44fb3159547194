package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.ExistingResourceOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;

/**
 * What every operation on an existing primary or backup storage shares: it is serialized on the storage's uuid (the
 * parameter {@code uuidParam}), and refused with a 404 before any job exists when the storage is not there.
 *
 * @param <E> the entity of the kind
 * @param <S> its store
 * @param <M> its manager
 */
abstract class ExistingStorageOperation<E extends StorageEntity<?>, S extends StorageStore<E>, M> extends ExistingResourceOperation {
    protected final S store;
    protected final M storages;
    protected final EventPublisher events;

    ExistingStorageOperation(OperationDescriptor descriptor, String uuidParam, S store, M storages, EventPublisher events) {
        super(descriptor, uuidParam);
        this.store = store;
        this.storages = storages;
        this.events = events;
    }

    @Override protected final void requireExisting(String uuid) { store.require(uuid); }


    /** Returns the storage as it is now and publishes the change. */
    protected final void announce(StepContext ctx, String uuid, EventType type, String oldState, String newState) {
        Object inv = store.require(uuid).toInventory();
        ctx.result(OperationResult.inventory(inv));
        events.publish(new ResourceEvent(type, store.resourceType(), uuid, inv, oldState, newState, null, null));
    }
}
