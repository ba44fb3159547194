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

/** Persists volumes. */
@Transactional
public class VolumeStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs volume queries */
    public VolumeStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param volume a new volume */
    public void create(VolumeEntity volume) { em.persist(volume); }

    /** @param uuid a volume @return it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VolumeEntity find(String uuid) { return em.find(VolumeEntity.class, uuid); }

    /** @param uuid a uuid @return true if a volume has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return em.find(VolumeEntity.class, uuid) != null; }

    /** @param uuid a volume @param changes applied to the managed row @return true if it exists */
    public boolean update(String uuid, Consumer<VolumeEntity> changes) {
        VolumeEntity v = em.find(VolumeEntity.class, uuid);
        if (v == null) {
            return false;
        }
        changes.accept(v);
        v.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return true;
    }

    /** @param uuid a volume to remove @return true if it existed */
    public boolean delete(String uuid) {
        return em.createQuery("DELETE FROM VolumeEntity v WHERE v.uuid = :u").setParameter("u", uuid).executeUpdate() > 0;
    }

    /** @param vmUuid a VM @return its volumes, root first */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VolumeEntity> volumesOf(String vmUuid) {
        return em.createQuery("SELECT v FROM VolumeEntity v WHERE v.vmInstanceUuid = :vm ORDER BY v.deviceId", VolumeEntity.class)
                .setParameter("vm", vmUuid).getResultList();
    }

    /** @param primaryStorageUuid a primary storage @return the volumes on it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VolumeEntity> onPrimaryStorage(String primaryStorageUuid) {
        return em.createQuery("SELECT v FROM VolumeEntity v WHERE v.primaryStorageUuid = :ps ORDER BY v.uuid", VolumeEntity.class)
                .setParameter("ps", primaryStorageUuid).getResultList();
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, VolumeEntity.class, request, VolumeEntity::toInventory);
    }
}
