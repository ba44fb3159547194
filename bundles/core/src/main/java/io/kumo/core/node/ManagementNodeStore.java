package io.kumo.core.node;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;

/** Persists management nodes and their heartbeats. */
@Transactional
public class ManagementNodeStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public ManagementNodeStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** Registers this node as running, keeping its join date if it was known. */
    public void join(String uuid, String hostName, String version, Timestamp now) {
        ManagementNodeEntity n = em.find(ManagementNodeEntity.class, uuid);
        if (n == null) {
            n = new ManagementNodeEntity();
            n.setUuid(uuid);
            n.setJoinDate(now);
            em.persist(n);
        }
        n.setHostName(hostName);
        n.setVersion(version);
        n.setState("Running");
        n.setStartDate(now);
        n.setHeartBeat(now);
    }

    /** Writes a heartbeat; a node marked unreachable by others becomes running again. */
    public void heartbeat(String uuid, Timestamp now) {
        ManagementNodeEntity n = em.find(ManagementNodeEntity.class, uuid);
        if (n != null) {
            n.setHeartBeat(now);
            n.setState("Running");
        }
    }

    /** Marks nodes whose heartbeat is older than the limit unreachable. */
    public int markUnreachable(Timestamp heartbeatBefore) {
        return em.createQuery("UPDATE ManagementNodeEntity n SET n.state = 'Unreachable' WHERE n.heartBeat < :t AND n.state = 'Running'")
                .setParameter("t", heartbeatBefore).executeUpdate();
    }

    /** Marks a node stopped (clean shutdown). */
    public void leave(String uuid) {
        ManagementNodeEntity n = em.find(ManagementNodeEntity.class, uuid);
        if (n != null) {
            n.setState("Stopped");
        }
    }

    /** @return every known node */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ManagementNodeEntity> all() {
        return em.createQuery("SELECT n FROM ManagementNodeEntity n", ManagementNodeEntity.class).getResultList();
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, ManagementNodeEntity.class, request, ManagementNodeEntity::toInventory);
    }
}
