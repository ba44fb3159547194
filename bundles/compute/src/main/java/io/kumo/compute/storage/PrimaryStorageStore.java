package io.kumo.compute.storage;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;

/** Persists primary storage, its cluster attachments and its capacity. */
@Transactional
public class PrimaryStorageStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public PrimaryStorageStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param ps a new primary storage */
    public void create(PrimaryStorageEntity ps) { em.persist(ps); }

    /** @param uuid a uuid @return the primary storage, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PrimaryStorageEntity find(String uuid) { return em.find(PrimaryStorageEntity.class, uuid); }

    /** @param uuid a uuid @return true if a primary storage has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return find(uuid) != null; }

    /** @param uuid the storage @param changes applied to the managed row @return it changed, or null if absent */
    public PrimaryStorageEntity update(String uuid, Consumer<PrimaryStorageEntity> changes) {
        PrimaryStorageEntity ps = em.find(PrimaryStorageEntity.class, uuid);
        if (ps == null) {
            return null;
        }
        changes.accept(ps);
        ps.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return ps;
    }

    /** @param uuid the storage @return true if it existed; its attachments and properties go with it */
    public boolean delete(String uuid) {
        PrimaryStorageEntity ps = em.find(PrimaryStorageEntity.class, uuid);
        if (ps == null) {
            return false;
        }
        em.remove(ps);
        return true;
    }

    /** Re-creates a deleted storage from {@link Snapshots#of}; nothing happens if it exists. */
    public void restore(Object snapshot) {
        PrimaryStorageEntity ps = Snapshots.restore(snapshot, PrimaryStorageEntity.class);
        if (em.find(PrimaryStorageEntity.class, ps.getUuid()) == null) {
            em.persist(ps);
        }
    }

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

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, PrimaryStorageEntity.class, request, PrimaryStorageEntity::toInventory);
    }
}
