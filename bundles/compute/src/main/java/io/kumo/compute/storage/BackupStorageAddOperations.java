package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.tag.TagService;
import org.osgi.framework.BundleContext;

/** Serves {@link AddBackupStorageOperation} for each backup storage backend registered. */
public class BackupStorageAddOperations extends BackendOperations<BackupStorageBackend> {
    /** Wires the operations. */
    public BackupStorageAddOperations(BundleContext context, BackupStorageStore store, TagService tags, EventPublisher events) {
        super(context, BackupStorageBackend.class, backend -> new AddBackupStorageOperation(backend, store, tags, events));
    }
}
