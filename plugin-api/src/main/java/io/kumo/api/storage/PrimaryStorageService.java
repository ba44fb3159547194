package io.kumo.api.storage;

import java.util.List;
import java.util.Optional;

/**
 * Reads primary storage and reserves its capacity. A reservation is atomic in the database: concurrent reservations on
 * any management node never take a storage beyond its capacity.
 */
public interface PrimaryStorageService {
    /** @param uuid a primary storage uuid @return it, if it exists */
    Optional<PrimaryStorageInventory> get(String uuid);

    /** @param clusterUuid a cluster @return the primary storage attached to it, in any state */
    List<PrimaryStorageInventory> attachedTo(String clusterUuid);

    /**
     * @param storage a primary storage as last read
     * @param bytes   the virtual size of volumes to place on it
     * @return true if its available capacity covers them under the current over-provisioning ratio
     *         ({@code mevoco.overProvisioning.primaryStorage}), the same measure {@link #reserveCapacity} applies
     */
    boolean hasRoomFor(PrimaryStorageInventory storage, long bytes);

    /**
     * @param uuid  a primary storage
     * @param bytes the virtual size to reserve; the storage gives up that size divided by the over-provisioning ratio
     * @return true if reserved, false if it lacks the space
     */
    boolean reserveCapacity(String uuid, long bytes);

    /** @param uuid a primary storage @param bytes to return (never beyond the total) */
    void releaseCapacity(String uuid, long bytes);

    /** @param type a storage type @return the backend registered for it now, if any */
    Optional<PrimaryStorageBackend> backend(String type);
}
