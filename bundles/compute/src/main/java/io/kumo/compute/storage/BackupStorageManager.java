package io.kumo.compute.storage;

import io.kumo.api.error.ApiException;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.compute.backend.Backends;

import java.util.Optional;

/** Backup storage for the image module, and its resource type. */
public class BackupStorageManager implements ResourceTypeProvider {
    /** The VO name of backup storage in tags. */
    public static final String VO_NAME = "BackupStorageVO";
    private final BackupStorageStore store;
    private final Backends backends;

    /** @param store persistence @param backends the backends installed */
    public BackupStorageManager(BackupStorageStore store, Backends backends) {
        this.store = store;
        this.backends = backends;
    }

    /** @param type a storage type @return the backend registered for it now, if any */
    public Optional<BackupStorageBackend> backend(String type) { return backends.backupStorage().find(type); }

    /** @param uuid a backup storage @return it @throws ApiException 404 if absent */
    public BackupStorageEntity require(String uuid) {
        return store.require(uuid);
    }

    /** @return the store, for modules that account capacity */
    public BackupStorageStore store() { return store; }

    @Override public String resourceType() { return BackupStorageInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
