package io.kumo.compute.storage;

import io.kumo.api.query.QueryService;
import io.kumo.api.storage.BackupStorageInventory;

import javax.transaction.Transactional;
import java.util.List;

/** Persists backup storage, its zone attachments and its capacity. */
@Transactional
public class BackupStorageStore extends StorageStore<BackupStorageEntity> {
    /** @param queryService runs queries */
    public BackupStorageStore(QueryService queryService) { super(queryService, BackupStorageEntity.class, BackupStorageInventory.RESOURCE_TYPE); }

    /** @param zoneUuid a zone @return the backup storage attached to it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BackupStorageEntity> attachedTo(String zoneUuid) {
        return em.createQuery("SELECT DISTINCT b FROM BackupStorageEntity b JOIN b.attachedZoneUuids z WHERE z = :z",
                BackupStorageEntity.class).setParameter("z", zoneUuid).getResultList();
    }

    /** @param zoneUuid a zone gone @return how many attachments were removed */
    public int detachZone(String zoneUuid) {
        return em.createNativeQuery("DELETE FROM BackupStorageZoneRefVO WHERE zoneUuid = ?")
                .setParameter(1, zoneUuid).executeUpdate();
    }

    /**
     * Accounts bytes stored (positive) or freed (negative) in one UPDATE, keeping the available capacity within
     * 0..total.
     *
     * @param uuid  the storage
     * @param bytes bytes now used by an image (negative: freed)
     */
    public void consume(String uuid, long bytes) {
        em.createQuery("UPDATE BackupStorageEntity b SET b.availableCapacity = CASE "
                        + "WHEN b.availableCapacity - :n < 0 THEN 0 "
                        + "WHEN b.availableCapacity - :n > b.totalCapacity THEN b.totalCapacity "
                        + "ELSE b.availableCapacity - :n END WHERE b.uuid = :u")
                .setParameter("n", bytes).setParameter("u", uuid).executeUpdate();
    }
}
