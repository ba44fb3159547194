package io.kumo.compute.storage;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.PrimaryStorageService;
import io.kumo.compute.backend.Backends;

import java.util.List;
import java.util.Optional;

/** Primary storage for other modules (reads, capacity reservations), and its resource type. */
public class PrimaryStorageManager implements PrimaryStorageService, ResourceTypeProvider {
    /** The VO name of primary storage in tags. */
    public static final String VO_NAME = "PrimaryStorageVO";
    private final PrimaryStorageStore store;
    private final GlobalConfigService config;
    private final Backends backends;

    /** Wires the manager. */
    public PrimaryStorageManager(PrimaryStorageStore store, GlobalConfigService config, Backends backends) {
        this.store = store;
        this.config = config;
        this.backends = backends;
    }

    @Override
    public Optional<PrimaryStorageInventory> get(String uuid) {
        return Optional.ofNullable(store.find(uuid)).map(PrimaryStorageEntity::toInventory);
    }

    /** @param uuid a primary storage @return it @throws ApiException 404 if absent */
    public PrimaryStorageEntity require(String uuid) {
        return store.require(uuid);
    }

    @Override
    public List<PrimaryStorageInventory> attachedTo(String clusterUuid) {
        return store.attachedTo(clusterUuid).stream().map(PrimaryStorageEntity::toInventory).toList();
    }

    @Override
    public boolean hasRoomFor(PrimaryStorageInventory storage, long bytes) {
        return storage.availableCapacity() >= physicalBytes(bytes);
    }

    @Override
    public boolean reserveCapacity(String uuid, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot reserve " + bytes + " bytes");
        }
        return store.reserve(uuid, physicalBytes(bytes));
    }

    @Override
    public void releaseCapacity(String uuid, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot release " + bytes + " bytes");
        }
        store.release(uuid, physicalBytes(bytes));
    }

    /** @param bytes of volumes @return the bytes of storage they take under the current over-provisioning ratio */
    long physicalBytes(long bytes) {
        double ratio = Double.parseDouble(config.value(StorageGlobalConfigs.MEVOCO, StorageGlobalConfigs.PRIMARY_STORAGE_OVER_PROVISIONING));
        return (long) Math.ceil(bytes / ratio);
    }

    @Override
    public Optional<PrimaryStorageBackend> backend(String type) { return backends.primaryStorage().find(type); }

    @Override public String resourceType() { return PrimaryStorageInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
