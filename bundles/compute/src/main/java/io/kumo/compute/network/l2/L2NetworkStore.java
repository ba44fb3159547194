package io.kumo.compute.network.l2;

import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Persists L2 networks, their cluster attachments and the VNI ranges of VXLAN pools. */
@Transactional
public class L2NetworkStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public L2NetworkStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param l2 a new L2 network */
    public void create(L2NetworkEntity l2) { em.persist(l2); }

    /** @param uuid a uuid @return the L2 network or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public L2NetworkEntity find(String uuid) { return em.find(L2NetworkEntity.class, uuid); }

    /** @param uuid a uuid @return true if an L2 network has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return em.find(L2NetworkEntity.class, uuid) != null; }

    /** @param uuid an L2 network @param changes applied to it @return it, or null if absent */
    public L2NetworkEntity update(String uuid, Consumer<L2NetworkEntity> changes) {
        L2NetworkEntity l2 = em.find(L2NetworkEntity.class, uuid);
        if (l2 != null) {
            changes.accept(l2);
            l2.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        }
        return l2;
    }

    /** Deletes an L2 network with its cluster attachments and VNI ranges. @param uuid the network */
    public void delete(String uuid) {
        em.createQuery("DELETE FROM L2ClusterRefEntity r WHERE r.l2NetworkUuid = :u").setParameter("u", uuid).executeUpdate();
        em.createQuery("DELETE FROM VniRangeEntity r WHERE r.l2NetworkUuid = :u").setParameter("u", uuid).executeUpdate();
        em.createQuery("DELETE FROM L2NetworkEntity l WHERE l.uuid = :u").setParameter("u", uuid).executeUpdate();
    }

    /** Re-creates rows exactly as they were (nothing for rows that exist). */
    public void restore(L2NetworkEntity l2, List<L2ClusterRefEntity> refs, List<VniRangeEntity> ranges) {
        if (l2 != null && em.find(L2NetworkEntity.class, l2.getUuid()) == null) {
            em.persist(l2);
        }
        refs.stream().filter(r -> em.find(L2ClusterRefEntity.class, r.getUuid()) == null).forEach(em::persist);
        ranges.stream().filter(r -> em.find(VniRangeEntity.class, r.getUuid()) == null).forEach(em::persist);
    }

    /** @param zoneUuid a zone @return its L2 networks, VXLAN networks first (they go before their pools) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<L2NetworkEntity> inZone(String zoneUuid) {
        return em.createQuery("SELECT l FROM L2NetworkEntity l WHERE l.zoneUuid = :z ORDER BY l.poolUuid DESC, l.createDate",
                L2NetworkEntity.class).setParameter("z", zoneUuid).getResultList();
    }

    /** @param poolUuid a VXLAN pool @return its VXLAN networks */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<L2NetworkEntity> vxlansOf(String poolUuid) {
        return em.createQuery("SELECT l FROM L2NetworkEntity l WHERE l.poolUuid = :p ORDER BY l.createDate", L2NetworkEntity.class)
                .setParameter("p", poolUuid).getResultList();
    }

    /** @return the L2 network of that type using this VLAN on this interface in the zone, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public L2NetworkEntity vlanUser(String zoneUuid, String physicalInterface, int vlan) {
        return em.createQuery("SELECT l FROM L2NetworkEntity l WHERE l.zoneUuid = :z AND l.physicalInterface = :p "
                        + "AND l.vlan = :v AND l.type = :t", L2NetworkEntity.class)
                .setParameter("z", zoneUuid).setParameter("p", physicalInterface).setParameter("v", vlan)
                .setParameter("t", L2NetworkEntity.VLAN).getResultStream().findFirst().orElse(null);
    }

    /** @param poolUuid a pool @return the VNIs in use by its VXLAN networks */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> vnisInUse(String poolUuid) {
        return em.createQuery("SELECT l.vni FROM L2NetworkEntity l WHERE l.poolUuid = :p ORDER BY l.vni", Integer.class)
                .setParameter("p", poolUuid).getResultList();
    }

    /** @param range a new VNI range */
    public void createVniRange(VniRangeEntity range) { em.persist(range); }

    /** @param uuid a VNI range @return true if it existed */
    public boolean deleteVniRange(String uuid) {
        return em.createQuery("DELETE FROM VniRangeEntity r WHERE r.uuid = :u").setParameter("u", uuid).executeUpdate() > 0;
    }

    /** @param uuid a VNI range @return it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VniRangeEntity findVniRange(String uuid) { return em.find(VniRangeEntity.class, uuid); }

    /** @param poolUuid a pool @return its VNI ranges, lowest first */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VniRangeEntity> vniRangesOf(String poolUuid) {
        return em.createQuery("SELECT r FROM VniRangeEntity r WHERE r.l2NetworkUuid = :p ORDER BY r.startVni", VniRangeEntity.class)
                .setParameter("p", poolUuid).getResultList();
    }

    /** @param ref a new attachment */
    public void attach(L2ClusterRefEntity ref) { em.persist(ref); }

    /** @param l2NetworkUuid a network @param clusterUuid a cluster @return the attachment removed, or null */
    public L2ClusterRefEntity detach(String l2NetworkUuid, String clusterUuid) {
        L2ClusterRefEntity ref = findRef(l2NetworkUuid, clusterUuid);
        if (ref != null) {
            em.remove(ref);
        }
        return ref;
    }

    /** @return the attachment of this network to this cluster, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public L2ClusterRefEntity findRef(String l2NetworkUuid, String clusterUuid) {
        return em.createQuery("SELECT r FROM L2ClusterRefEntity r WHERE r.l2NetworkUuid = :l AND r.clusterUuid = :c",
                        L2ClusterRefEntity.class).setParameter("l", l2NetworkUuid).setParameter("c", clusterUuid)
                .getResultStream().findFirst().orElse(null);
    }

    /** @param l2NetworkUuid a network @return its attachments */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<L2ClusterRefEntity> refsOf(String l2NetworkUuid) {
        return em.createQuery("SELECT r FROM L2ClusterRefEntity r WHERE r.l2NetworkUuid = :l", L2ClusterRefEntity.class)
                .setParameter("l", l2NetworkUuid).getResultList();
    }

    /** @param clusterUuid a deleted cluster @return how many attachments were removed */
    public int deleteRefsOfCluster(String clusterUuid) {
        return em.createQuery("DELETE FROM L2ClusterRefEntity r WHERE r.clusterUuid = :c").setParameter("c", clusterUuid).executeUpdate();
    }

    /**
     * @param request     a query
     * @param type        the L2 type to restrict to, or null for all
     * @param toInventory maps a row to its inventory
     * @return the page
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request, String type, Function<L2NetworkEntity, ?> toInventory) {
        QueryRequest q = request;
        if (type != null) {
            List<QueryCondition> conditions = new ArrayList<>(request.conditions());
            conditions.add(new QueryCondition("type", QueryOperator.EQ, type));
            q = new QueryRequest(conditions, request.limit(), request.start(), request.count(), request.replyWithCount(),
                    request.sortBy(), request.ascending(), request.fields());
        }
        return queryService.query(em, L2NetworkEntity.class, q, toInventory);
    }

    /** @param request a query @return the page of VNI ranges */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> queryVniRanges(QueryRequest request) {
        return queryService.query(em, VniRangeEntity.class, request, VniRangeEntity::toInventory);
    }
}
