package io.kumo.core.zone;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;

/** Persists zones. */
@Transactional
public class ZoneStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs zone queries */
    public ZoneStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param zone a new zone */
    public void create(ZoneEntity zone) { em.persist(zone); }

    /** @param uuid a zone uuid @return the zone or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ZoneEntity find(String uuid) { return em.find(ZoneEntity.class, uuid); }

    /** @param uuid a uuid @return true if a zone has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return em.find(ZoneEntity.class, uuid) != null; }

    /**
     * Changes a zone.
     *
     * @param uuid    the zone
     * @param changes applied to the managed entity
     * @return the changed zone, or null if it does not exist
     */
    public ZoneEntity update(String uuid, java.util.function.Consumer<ZoneEntity> changes) {
        ZoneEntity zone = em.find(ZoneEntity.class, uuid);
        if (zone == null) {
            return null;
        }
        changes.accept(zone);
        zone.setLastOpDate(new java.sql.Timestamp(System.currentTimeMillis()));
        return zone;
    }

    /** Re-creates a deleted zone exactly as snapshotted; nothing happens if it exists. */
    public void restore(java.util.Map<?, ?> snapshot) {
        ZoneEntity z = ZoneEntity.fromSnapshot(snapshot);
        if (em.find(ZoneEntity.class, z.getUuid()) == null) {
            em.persist(z);
        }
    }

    /** @param uuid a zone @return the other zones marked default */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<String> defaultZonesExcept(String uuid) {
        return em.createQuery("SELECT z.uuid FROM ZoneEntity z WHERE z.isDefault = true AND z.uuid <> :uuid", String.class)
                .setParameter("uuid", uuid).getResultList();
    }

    /** Makes this zone the only default one. */
    public void clearDefaultExcept(String uuid) {
        em.createQuery("UPDATE ZoneEntity z SET z.isDefault = false WHERE z.isDefault = true AND z.uuid <> :uuid")
                .setParameter("uuid", uuid).executeUpdate();
    }

    /** @param uuid a zone @return true if it existed */
    public boolean delete(String uuid) {
        ZoneEntity zone = em.find(ZoneEntity.class, uuid);
        if (zone == null) {
            return false;
        }
        em.remove(zone);
        return true;
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, ZoneEntity.class, request, ZoneEntity::toInventory);
    }
}
