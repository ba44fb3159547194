package io.kumo.compute.cluster;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Persists clusters. */
@Transactional
public class ClusterStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs cluster queries */
    public ClusterStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param cluster a new cluster */
    public void create(ClusterEntity cluster) { em.persist(cluster); }

    /** @param uuid a cluster uuid @return the cluster or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClusterEntity find(String uuid) { return uuid == null ? null : em.find(ClusterEntity.class, uuid); }

    /** @param uuid a uuid @return true if a cluster has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return find(uuid) != null; }

    /** @param zoneUuid a zone @return its clusters, oldest first */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClusterEntity> byZone(String zoneUuid) {
        return em.createQuery("SELECT c FROM ClusterEntity c WHERE c.zoneUuid = :zone ORDER BY c.createDate", ClusterEntity.class)
                .setParameter("zone", zoneUuid).getResultList();
    }

    /**
     * Changes a cluster.
     *
     * @param uuid    the cluster
     * @param changes applied to the managed entity
     * @return the changed cluster, or null if it does not exist
     */
    public ClusterEntity update(String uuid, Consumer<ClusterEntity> changes) {
        ClusterEntity c = em.find(ClusterEntity.class, uuid);
        if (c == null) {
            return null;
        }
        changes.accept(c);
        c.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return c;
    }

    /** Re-creates a deleted cluster exactly as snapshotted; nothing happens if it exists. */
    public void restore(Map<?, ?> snapshot) {
        ClusterEntity c = ClusterEntity.fromSnapshot(snapshot);
        if (em.find(ClusterEntity.class, c.getUuid()) == null) {
            em.persist(c);
        }
    }

    /** @param uuid a cluster @return true if it existed */
    public boolean delete(String uuid) {
        ClusterEntity c = em.find(ClusterEntity.class, uuid);
        if (c == null) {
            return false;
        }
        em.remove(c);
        return true;
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, ClusterEntity.class, request, ClusterEntity::toInventory);
    }
}
