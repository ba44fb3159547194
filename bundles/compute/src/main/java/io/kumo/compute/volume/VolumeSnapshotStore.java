package io.kumo.compute.volume;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;

/** Persists volume snapshots. */
@Transactional
public class VolumeSnapshotStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs snapshot queries */
    public VolumeSnapshotStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param snapshot a new snapshot */
    public void create(VolumeSnapshotEntity snapshot) { em.persist(snapshot); }

    /** @param uuid a snapshot @return it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VolumeSnapshotEntity find(String uuid) { return em.find(VolumeSnapshotEntity.class, uuid); }

    /** @param uuid a snapshot @param changes applied to the managed row @return true if it exists */
    public boolean update(String uuid, Consumer<VolumeSnapshotEntity> changes) {
        VolumeSnapshotEntity s = em.find(VolumeSnapshotEntity.class, uuid);
        if (s == null) {
            return false;
        }
        changes.accept(s);
        s.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return true;
    }

    /** @param uuid a snapshot to remove @return true if it existed */
    public boolean delete(String uuid) {
        return em.createQuery("DELETE FROM VolumeSnapshotEntity s WHERE s.uuid = :u").setParameter("u", uuid).executeUpdate() > 0;
    }

    /** @param volumeUuid a volume @return its snapshots, oldest first */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VolumeSnapshotEntity> of(String volumeUuid) {
        return em.createQuery("SELECT s FROM VolumeSnapshotEntity s WHERE s.volumeUuid = :v ORDER BY s.createDate, s.uuid",
                VolumeSnapshotEntity.class).setParameter("v", volumeUuid).getResultList();
    }

    /** @param volumeUuid a volume @return its newest snapshot, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VolumeSnapshotEntity latest(String volumeUuid) {
        return em.createQuery("SELECT s FROM VolumeSnapshotEntity s WHERE s.volumeUuid = :v AND s.latest = true",
                VolumeSnapshotEntity.class).setParameter("v", volumeUuid).getResultStream().findFirst().orElse(null);
    }

    /** Re-parents the children of a snapshot being removed onto its parent. */
    public void reparent(String uuid, String newParent) {
        em.createQuery("UPDATE VolumeSnapshotEntity s SET s.parentUuid = :p WHERE s.parentUuid = :u")
                .setParameter("p", newParent).setParameter("u", uuid).executeUpdate();
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, VolumeSnapshotEntity.class, request, VolumeSnapshotEntity::toInventory);
    }
}
