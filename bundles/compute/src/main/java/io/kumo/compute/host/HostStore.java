package io.kumo.compute.host;

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
import java.util.function.Function;

/** Persists hosts, their connections, and reservations of their capacity. */
@Transactional
public class HostStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs host queries */
    public HostStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param host a new host @param connection how to reach it */
    public void create(HostEntity host, HostConnectionEntity connection) {
        em.persist(host);
        em.persist(connection);
    }

    /** @param uuid a host uuid @return the host or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HostEntity find(String uuid) { return uuid == null ? null : em.find(HostEntity.class, uuid); }

    /** @param uuid a uuid @return true if a host has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return find(uuid) != null; }

    /** @param hostUuid a host @return how to reach it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HostConnectionEntity findConnection(String hostUuid) {
        return hostUuid == null ? null : em.find(HostConnectionEntity.class, hostUuid);
    }

    /** @param clusterUuid a cluster @return its hosts, oldest first */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HostEntity> byCluster(String clusterUuid) {
        return em.createQuery("SELECT h FROM HostEntity h WHERE h.clusterUuid = :c ORDER BY h.createDate", HostEntity.class)
                .setParameter("c", clusterUuid).getResultList();
    }

    /** @param managementIp an address @return the uuid of the host that has it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String hostWithManagementIp(String managementIp) {
        return em.createQuery("SELECT h.uuid FROM HostEntity h WHERE h.managementIp = :ip", String.class)
                .setParameter("ip", managementIp).getResultStream().findFirst().orElse(null);
    }

    /** @return how many hosts there are and their CPU sockets in all: {hosts, sockets} */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long[] countHostsAndSockets() {
        Object[] row = em.createQuery("SELECT COUNT(h), COALESCE(SUM(h.cpuSockets), 0) FROM HostEntity h", Object[].class)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** @return every host */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HostEntity> all() {
        return em.createQuery("SELECT h FROM HostEntity h", HostEntity.class).getResultList();
    }

    /** @return every host with its connection, in one query */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> allWithConnections() {
        return em.createQuery("SELECT h, c FROM HostEntity h, HostConnectionEntity c WHERE c.hostUuid = h.uuid", Object[].class)
                .getResultList();
    }

    /**
     * Changes a host.
     *
     * @param uuid    the host
     * @param changes applied to the managed entity
     * @return the changed host, or null if it does not exist
     */
    public HostEntity update(String uuid, Consumer<HostEntity> changes) {
        HostEntity h = em.find(HostEntity.class, uuid);
        if (h == null) {
            return null;
        }
        changes.accept(h);
        h.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return h;
    }

    /**
     * Sets a host's connection status if it differs, in one statement.
     *
     * @param uuid   the host
     * @param status the new status
     * @return true if it changed
     */
    public boolean changeStatus(String uuid, String status) {
        return em.createQuery("UPDATE HostEntity h SET h.status = :s, h.lastOpDate = :now WHERE h.uuid = :h AND h.status <> :s")
                .setParameter("s", status).setParameter("now", new Timestamp(System.currentTimeMillis()))
                .setParameter("h", uuid).executeUpdate() == 1;
    }

    /**
     * Reserves capacity in one conditional statement, so that concurrent reservations from any management node never
     * take more than the host has.
     *
     * @param uuid   the host
     * @param cpu    vCPUs
     * @param memory bytes
     * @return true if reserved
     */
    public boolean reserve(String uuid, long cpu, long memory) {
        return em.createQuery("UPDATE HostEntity h SET h.availableCpuCapacity = h.availableCpuCapacity - :c,"
                        + " h.availableMemoryCapacity = h.availableMemoryCapacity - :m,"
                        + " h.usedCpu = h.usedCpu + :c, h.usedMemory = h.usedMemory + :m"
                        + " WHERE h.uuid = :h AND h.availableCpuCapacity >= :c AND h.availableMemoryCapacity >= :m")
                .setParameter("c", cpu).setParameter("m", memory).setParameter("h", uuid)
                .executeUpdate() == 1;
    }

    /**
     * Returns reserved capacity in one statement, never below zero.
     *
     * @param uuid   the host
     * @param cpu    vCPUs
     * @param memory bytes
     */
    public void release(String uuid, long cpu, long memory) {
        // the available columns come first: MySQL evaluates a SET list left to right with the new values
        em.createQuery("UPDATE HostEntity h SET"
                        + " h.availableCpuCapacity = h.totalCpuCapacity - (CASE WHEN h.usedCpu > :c THEN h.usedCpu - :c ELSE 0 END),"
                        + " h.availableMemoryCapacity = h.totalMemoryCapacity - (CASE WHEN h.usedMemory > :m THEN h.usedMemory - :m ELSE 0 END),"
                        + " h.usedCpu = CASE WHEN h.usedCpu > :c THEN h.usedCpu - :c ELSE 0 END,"
                        + " h.usedMemory = CASE WHEN h.usedMemory > :m THEN h.usedMemory - :m ELSE 0 END"
                        + " WHERE h.uuid = :h")
                .setParameter("c", cpu).setParameter("m", memory).setParameter("h", uuid).executeUpdate();
    }

    /**
     * Recomputes every host's capacity offered after a ratio changed, in one statement.
     *
     * @param cpuRatio    vCPUs per physical thread
     * @param memoryRatio bytes per physical byte
     * @return the hosts updated
     */
    public int applyRatios(double cpuRatio, double memoryRatio) {
        // the casts: H2 types a parameter like the column it meets, and would round a ratio of 1.5 to 2
        return em.createNativeQuery("UPDATE HostVO SET totalCpuCapacity = FLOOR(cpuNum * CAST(? AS DOUBLE)),"
                        + " availableCpuCapacity = FLOOR(cpuNum * CAST(? AS DOUBLE)) - usedCpu,"
                        + " totalMemoryCapacity = FLOOR(memory * CAST(? AS DOUBLE)), availableMemoryCapacity = FLOOR(memory * CAST(? AS DOUBLE)) - usedMemory")
                .setParameter(1, cpuRatio).setParameter(2, cpuRatio).setParameter(3, memoryRatio).setParameter(4, memoryRatio)
                .executeUpdate();
    }

    /** Re-creates a deleted host row exactly as snapshotted; nothing happens if it exists. */
    public void restore(Map<?, ?> snapshot) {
        HostEntity h = HostEntity.fromSnapshot(snapshot);
        if (em.find(HostEntity.class, h.getUuid()) == null) {
            em.persist(h);
        }
    }

    /** @param uuid a host whose row is deleted (its connection is kept) @return true if it existed */
    public boolean delete(String uuid) {
        HostEntity h = em.find(HostEntity.class, uuid);
        if (h == null) {
            return false;
        }
        em.remove(h);
        return true;
    }

    /** @param hostUuid a host whose connection is deleted */
    public void deleteConnection(String hostUuid) {
        HostConnectionEntity c = em.find(HostConnectionEntity.class, hostUuid);
        if (c != null) {
            em.remove(c);
        }
    }

    /** @param request a query @param toInventory the API view of a host @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request, Function<HostEntity, ?> toInventory) {
        return queryService.query(em, HostEntity.class, request, toInventory);
    }
}
