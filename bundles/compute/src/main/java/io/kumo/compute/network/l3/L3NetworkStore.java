package io.kumo.compute.network.l3;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;

/** Persists L3 networks with their IP ranges, reserved ranges and DNS servers. */
@Transactional
public class L3NetworkStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public L3NetworkStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param l3 a new L3 network */
    public void create(L3NetworkEntity l3) { em.persist(l3); }

    /** @param uuid a uuid @return the L3 network or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public L3NetworkEntity find(String uuid) { return em.find(L3NetworkEntity.class, uuid); }

    /** @param uuid a uuid @return true if an L3 network has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return em.find(L3NetworkEntity.class, uuid) != null; }

    /** @param uuid an L3 network @param changes applied to it @return it, or null if absent */
    public L3NetworkEntity update(String uuid, Consumer<L3NetworkEntity> changes) {
        L3NetworkEntity l3 = em.find(L3NetworkEntity.class, uuid);
        if (l3 != null) {
            changes.accept(l3);
            l3.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        }
        return l3;
    }

    /** @param l2NetworkUuid an L2 network @return the L3 networks on it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<L3NetworkEntity> onL2(String l2NetworkUuid) {
        return em.createQuery("SELECT l FROM L3NetworkEntity l WHERE l.l2NetworkUuid = :u ORDER BY l.createDate", L3NetworkEntity.class)
                .setParameter("u", l2NetworkUuid).getResultList();
    }

    /** Deletes an L3 network with its ranges, reserved ranges and DNS servers (its used addresses must be gone). */
    public void delete(String uuid) {
        for (String entity : List.of("IpRangeEntity", "ReservedIpRangeEntity", "L3DnsEntity")) {
            em.createQuery("DELETE FROM " + entity + " r WHERE r.l3NetworkUuid = :u").setParameter("u", uuid).executeUpdate();
        }
        em.createQuery("DELETE FROM L3NetworkEntity l WHERE l.uuid = :u").setParameter("u", uuid).executeUpdate();
    }

    /** @param uuid an L3 network @return its reserved ranges */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReservedIpRangeEntity> reservedOf(String uuid) {
        return em.createQuery("SELECT r FROM ReservedIpRangeEntity r WHERE r.l3NetworkUuid = :u ORDER BY r.createDate",
                ReservedIpRangeEntity.class).setParameter("u", uuid).getResultList();
    }

    /** @param uuid an L3 network @return its IP ranges */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IpRangeEntity> rangesOf(String uuid) {
        return em.createQuery("SELECT r FROM IpRangeEntity r WHERE r.l3NetworkUuid = :u ORDER BY r.createDate",
                IpRangeEntity.class).setParameter("u", uuid).getResultList();
    }

    /** Re-creates rows exactly as they were (nothing for rows that exist). */
    public void restore(L3NetworkEntity l3, List<IpRangeEntity> ranges, List<ReservedIpRangeEntity> reserved, List<L3DnsEntity> dns) {
        if (l3 != null && em.find(L3NetworkEntity.class, l3.getUuid()) == null) {
            em.persist(l3);
            em.flush();
        }
        ranges.stream().filter(r -> em.find(IpRangeEntity.class, r.getUuid()) == null).forEach(em::persist);
        reserved.stream().filter(r -> em.find(ReservedIpRangeEntity.class, r.getUuid()) == null).forEach(em::persist);
        dns.stream().filter(r -> em.find(L3DnsEntity.class, r.getUuid()) == null).forEach(em::persist);
    }

    /** @param range a new IP range */
    public void createRange(IpRangeEntity range) { em.persist(range); }

    /** @param uuid an IP range @return it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IpRangeEntity findRange(String uuid) { return em.find(IpRangeEntity.class, uuid); }

    /** @param uuid an IP range @return true if it existed */
    public boolean deleteRange(String uuid) {
        return em.createQuery("DELETE FROM IpRangeEntity r WHERE r.uuid = :u").setParameter("u", uuid).executeUpdate() > 0;
    }

    /** @param range a new reserved range */
    public void createReserved(ReservedIpRangeEntity range) { em.persist(range); }

    /** @param uuid a reserved range @return it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReservedIpRangeEntity findReserved(String uuid) { return em.find(ReservedIpRangeEntity.class, uuid); }

    /** @param uuid a reserved range @return true if it existed */
    public boolean deleteReserved(String uuid) {
        return em.createQuery("DELETE FROM ReservedIpRangeEntity r WHERE r.uuid = :u").setParameter("u", uuid).executeUpdate() > 0;
    }

    /** @param dns a new DNS row */
    public void addDns(L3DnsEntity dns) { em.persist(dns); }

    /** @param l3NetworkUuid a network @param dns a server @return the row removed, or null */
    public L3DnsEntity removeDns(String l3NetworkUuid, String dns) {
        L3DnsEntity row = findDns(l3NetworkUuid, dns);
        if (row != null) {
            em.remove(row);
        }
        return row;
    }

    /** @return the DNS row of that server on that network, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public L3DnsEntity findDns(String l3NetworkUuid, String dns) {
        return em.createQuery("SELECT d FROM L3DnsEntity d WHERE d.l3NetworkUuid = :l AND d.dns = :d", L3DnsEntity.class)
                .setParameter("l", l3NetworkUuid).setParameter("d", dns).getResultStream().findFirst().orElse(null);
    }

    /** @param request a query @return the page of L3 networks */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, L3NetworkEntity.class, request, L3NetworkEntity::toInventory);
    }

    /** @param request a query @return the page of IP ranges */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> queryRanges(QueryRequest request) {
        return queryService.query(em, IpRangeEntity.class, request, IpRangeEntity::toInventory);
    }
}
