package io.kumo.compute.offering;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.function.Consumer;

/** Persists instance and disk offerings. */
@Transactional
public class OfferingStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public OfferingStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param offering a new offering */
    public void create(OfferingEntity offering) { em.persist(offering); }

    /** @param type the entity class @param uuid a uuid @return the offering, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <E extends OfferingEntity> E find(Class<E> type, String uuid) { return em.find(type, uuid); }

    /** @return the changed offering, or null if absent */
    public <E extends OfferingEntity> E update(Class<E> type, String uuid, Consumer<E> changes) {
        E offering = em.find(type, uuid);
        if (offering == null) {
            return null;
        }
        changes.accept(offering);
        offering.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return offering;
    }

    /** @return true if it existed */
    public boolean delete(Class<? extends OfferingEntity> type, String uuid) {
        OfferingEntity offering = em.find(type, uuid);
        if (offering == null) {
            return false;
        }
        em.remove(offering);
        return true;
    }

    /** Re-creates a deleted offering from {@link io.kumo.compute.storage.Snapshots#of}; nothing happens if it exists. */
    public void restore(Class<? extends OfferingEntity> type, Object snapshot) {
        OfferingEntity offering = io.kumo.compute.storage.Snapshots.restore(snapshot, type);
        if (em.find(type, offering.getUuid()) == null) {
            em.persist(offering);
        }
    }

    /** @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <E extends OfferingEntity> QueryResult<Object> query(Class<E> type, QueryRequest request) {
        return queryService.query(em, type, request, OfferingEntity::toInventory);
    }
}
