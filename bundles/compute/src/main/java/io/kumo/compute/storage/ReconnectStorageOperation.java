package io.kumo.compute.storage;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.storage.StorageCapacity;

/**
 * Connects storage again and refreshes its capacity, keeping what is already taken from it. The status says what was
 * found: {@code Connected}, or {@code Disconnected} when the backend cannot reach it (the job then fails, naming the
 * cause).
 *
 * @param <E> the entity of the kind
 * @param <S> its store
 * @param <M> its manager
 */
abstract class ReconnectStorageOperation<E extends StorageEntity<?>, S extends StorageStore<E>, M>
        extends ExistingStorageOperation<E, S, M> {
    private final String what;

    /** @param what the kind in messages, e.g. "primary storage" */
    ReconnectStorageOperation(OperationDescriptor descriptor, String what, S store, M storages, EventPublisher events) {
        super(descriptor, "uuid", store, storages, events);
        this.what = what;
    }

    /** @param type a storage type @return true if its backend is installed now */
    protected abstract boolean installed(String type);

    /** @param storage the storage @return what its backend reports @throws Exception if it cannot reach it */
    protected abstract StorageCapacity connect(E storage) throws Exception;

    /** Records the capacity reported, keeping what is taken; kinds with more columns add theirs. */
    protected void refresh(E storage, StorageCapacity capacity) {
        long taken = storage.getTotalCapacity() - storage.getAvailableCapacity();
        storage.setTotalCapacity(capacity.total());
        storage.setAvailableCapacity(Math.max(0, capacity.total() - taken));
    }

    @Override
    public void check(OperationRequest request) {
        if (!installed(store.require(uuidOf(request)).getType())) {
            throw new ApiException(ErrorCode.TYPE_UNAVAILABLE,
                    "the backend of " + what + " " + uuidOf(request) + " is not installed; install it, then reconnect");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(descriptor().name())
                .step("reconnect", ctx -> {
                    E storage = store.update(uuid, s -> s.setStatus("Connecting"));
                    if (!installed(storage.getType())) {
                        throw new ApiException(ErrorCode.TYPE_UNAVAILABLE, "the backend of " + what + " " + uuid + " went away");
                    }
                    StorageCapacity capacity;
                    try {
                        capacity = connect(storage);
                    } catch (Exception e) {
                        store.update(uuid, s -> s.setStatus("Disconnected"));
                        announce(ctx, uuid, EventType.UPDATED, null, null);
                        throw e;
                    }
                    store.update(uuid, s -> {
                        refresh(s, capacity);
                        s.setStatus("Connected");
                    });
                })
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
