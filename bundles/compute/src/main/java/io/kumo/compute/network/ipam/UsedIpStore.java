package io.kumo.compute.network.ipam;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.util.List;

/** Persists the addresses taken from L3 networks. */
@Transactional
public class UsedIpStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /**
     * Takes an address in a transaction of its own, so that a duplicate fails here and nowhere else.
     *
     * @param used the allocation
     * @throws javax.persistence.PersistenceException if the address is taken (unique constraint) or the write fails
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(UsedIpEntity used) {
        em.persist(used);
        em.flush();
    }

    /** @param uuid an allocation @return it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UsedIpEntity find(String uuid) { return em.find(UsedIpEntity.class, uuid); }

    /** @param uuid an allocation @return true if it existed */
    public boolean delete(String uuid) {
        return em.createQuery("DELETE FROM UsedIpEntity u WHERE u.uuid = :u").setParameter("u", uuid).executeUpdate() > 0;
    }

    /** @param l3NetworkUuid a network @param ip an address @return its allocation, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UsedIpEntity findByIp(String l3NetworkUuid, String ip) {
        return em.createQuery("SELECT u FROM UsedIpEntity u WHERE u.l3NetworkUuid = :l AND u.ip = :ip", UsedIpEntity.class)
                .setParameter("l", l3NetworkUuid).setParameter("ip", ip).getResultStream().findFirst().orElse(null);
    }

    /** @param l3NetworkUuid a network @return every address taken from it, as numbers (to rebuild the allocator's map) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> usedValues(String l3NetworkUuid) {
        return em.createQuery("SELECT u.ipInLong FROM UsedIpEntity u WHERE u.l3NetworkUuid = :l", Long.class)
                .setParameter("l", l3NetworkUuid).getResultList();
    }

    /**
     * @param l3NetworkUuid a network
     * @param from          the lowest address
     * @param to            the highest address
     * @param max           how many to return at most
     * @return the taken addresses in {@code from..to}, lowest first
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> usedBetween(String l3NetworkUuid, long from, long to, int max) {
        return em.createQuery("SELECT u.ipInLong FROM UsedIpEntity u WHERE u.l3NetworkUuid = :l AND u.ipInLong >= :f "
                        + "AND u.ipInLong <= :t ORDER BY u.ipInLong", Long.class)
                .setParameter("l", l3NetworkUuid).setParameter("f", from).setParameter("t", to).setMaxResults(max).getResultList();
    }

    /** @param ipRangeUuid a range @return the allocations in it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UsedIpEntity> inRange(String ipRangeUuid) {
        return em.createQuery("SELECT u FROM UsedIpEntity u WHERE u.ipRangeUuid = :r ORDER BY u.ipInLong", UsedIpEntity.class)
                .setParameter("r", ipRangeUuid).getResultList();
    }

    /** @param l3NetworkUuid a network @return the allocations in it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UsedIpEntity> inL3(String l3NetworkUuid) {
        return em.createQuery("SELECT u FROM UsedIpEntity u WHERE u.l3NetworkUuid = :l ORDER BY u.ipInLong", UsedIpEntity.class)
                .setParameter("l", l3NetworkUuid).getResultList();
    }

    /** @param ipRangeUuid a range @return how many allocations it has */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countInRange(String ipRangeUuid) {
        return em.createQuery("SELECT COUNT(u) FROM UsedIpEntity u WHERE u.ipRangeUuid = :r", Long.class)
                .setParameter("r", ipRangeUuid).getSingleResult();
    }

    /** @param uuids allocations to delete */
    public void deleteAll(List<String> uuids) {
        if (!uuids.isEmpty()) {
            em.createQuery("DELETE FROM UsedIpEntity u WHERE u.uuid IN :u").setParameter("u", uuids).executeUpdate();
        }
    }

    /** @param rows allocations to re-create exactly (nothing for those that exist) */
    public void restore(List<UsedIpEntity> rows) {
        rows.stream().filter(r -> em.find(UsedIpEntity.class, r.getUuid()) == null).forEach(em::persist);
    }
}
