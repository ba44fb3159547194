package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.tag.TagService;

import java.util.List;

/**
 * Adds backup storage of one backend's type, at the backend's path (e.g. {@code POST /backup-storage/simulators}):
 * it serves no zone until attached to one;
 * the storage is persisted as {@code Connecting}, connected by the backend (which reports its capacity), then
 * {@code Connected}. A failure removes it.
 */
public class AddBackupStorageOperation extends AddStorageOperation<BackupStorageEntity> {
    private final BackupStorageBackend backend;

    /** Wires the operation of one backend. */
    public AddBackupStorageOperation(BackupStorageBackend backend, BackupStorageStore store, TagService tags, EventPublisher events) {
        super(backend.addOperation(), backend.type(), "backup storage", BackupStorageManager.VO_NAME,
                BackupStorageInventory.class, List.of(), store, tags, events);
        this.backend = backend;
    }

    @Override
    protected BackupStorageEntity newEntity(OperationRequest request) { return new BackupStorageEntity(); }

    @Override
    protected StorageCapacity connect(BackupStorageEntity bs) throws Exception {
        return backend.connect(bs.toInventory(), bs.getProperties());
    }
}
