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

/** Persists backup storage, its zone attachments and its capacity. */
@Transactional
public class BackupStorageStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public BackupStorageStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param ps a new backup storage */
    public void create(BackupStorageEntity ps) { em.persist(ps); }

    /** @param uuid a uuid @return the backup storage, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BackupStorageEntity find(String uuid) { return em.find(BackupStorageEntity.class, uuid); }

    /** @param uuid a uuid @return true if a backup storage has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return find(uuid) != null; }

    /** @param uuid the storage @param changes applied to the managed row @return it changed, or null if absent */
    public BackupStorageEntity update(String uuid, Consumer<BackupStorageEntity> changes) {
        BackupStorageEntity ps = em.find(BackupStorageEntity.class, uuid);
        if (ps == null) {
            return null;
        }
        changes.accept(ps);
        ps.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return ps;
    }

    /** @param uuid the storage @return true if it existed; its attachments and properties go with it */
    public boolean delete(String uuid) {
        BackupStorageEntity ps = em.find(BackupStorageEntity.class, uuid);
        if (ps == null) {
            return false;
        }
        em.remove(ps);
        return true;
    }

    /** Re-creates a deleted storage from {@link Snapshots#of}; nothing happens if it exists. */
    public void restore(Object snapshot) {
        BackupStorageEntity ps = Snapshots.restore(snapshot, BackupStorageEntity.class);
        if (em.find(BackupStorageEntity.class, ps.getUuid()) == null) {
            em.persist(ps);
        }
    }

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

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, BackupStorageEntity.class, request, BackupStorageEntity::toInventory);
    }
}
