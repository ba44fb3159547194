package io.kumo.compute.storage;

import io.kumo.api.query.QueryService;
import io.kumo.api.storage.PrimaryStorageInventory;

import javax.transaction.Transactional;
import java.util.List;

/** Persists primary storage, its cluster attachments and its capacity. */
@Transactional
public class PrimaryStorageStore extends StorageStore<PrimaryStorageEntity> {
    /** @param queryService runs queries */
    public PrimaryStorageStore(QueryService queryService) { super(queryService, PrimaryStorageEntity.class, PrimaryStorageInventory.RESOURCE_TYPE); }

    /** @param zoneUuid a zone @return the primary storage in it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PrimaryStorageEntity> inZone(String zoneUuid) {
        return em.createQuery("SELECT p FROM PrimaryStorageEntity p WHERE p.zoneUuid = :z ORDER BY p.createDate", PrimaryStorageEntity.class)
                .setParameter("z", zoneUuid).getResultList();
    }

    /** @param clusterUuid a cluster @return the primary storage attached to it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PrimaryStorageEntity> attachedTo(String clusterUuid) {
        return em.createQuery("SELECT DISTINCT p FROM PrimaryStorageEntity p JOIN p.attachedClusterUuids c WHERE c = :c",
                PrimaryStorageEntity.class).setParameter("c", clusterUuid).getResultList();
    }

    /** @param clusterUuid a cluster gone @return how many attachments were removed */
    public int detachCluster(String clusterUuid) {
        return em.createNativeQuery("DELETE FROM PrimaryStorageClusterRefVO WHERE clusterUuid = ?")
                .setParameter(1, clusterUuid).executeUpdate();
    }

    /**
     * Takes capacity in one conditional UPDATE, so that concurrent reservations (on any node) never overdraw it.
     *
     * @param uuid  the storage
     * @param bytes what to take from its available capacity
     * @return true if taken, false if it has less available (or does not exist)
     */
    public boolean reserve(String uuid, long bytes) {
        return em.createQuery("UPDATE PrimaryStorageEntity p SET p.availableCapacity = p.availableCapacity - :n "
                        + "WHERE p.uuid = :u AND p.availableCapacity >= :n")
                .setParameter("n", bytes).setParameter("u", uuid).executeUpdate() == 1;
    }

    /** @param uuid the storage @param bytes what to give back, never beyond its total */
    public void release(String uuid, long bytes) {
        em.createQuery("UPDATE PrimaryStorageEntity p SET p.availableCapacity = CASE WHEN p.availableCapacity + :n > "
                        + "p.totalCapacity THEN p.totalCapacity ELSE p.availableCapacity + :n END WHERE p.uuid = :u")
                .setParameter("n", bytes).setParameter("u", uuid).executeUpdate();
    }
}
