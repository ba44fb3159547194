package io.kumo.core.config;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;

/** Persists global configuration values. */
@Transactional
public class GlobalConfigStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public GlobalConfigStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /**
     * Stores a definition: a new setting gets its default; an existing one keeps its value but gets the current
     * default, type and description.
     *
     * @return the stored value
     */
    public String define(GlobalConfigDefinition def) {
        GlobalConfigEntity e = em.find(GlobalConfigEntity.class, new GlobalConfigEntity.Key(def.category(), def.name()));
        Timestamp now = new Timestamp(System.currentTimeMillis());
        if (e == null) {
            e = new GlobalConfigEntity();
            e.setCategory(def.category());
            e.setName(def.name());
            e.setValue(def.defaultValue());
            e.setCreateDate(now);
            e.setLastOpDate(now);
            e.setDefaultValue(def.defaultValue());
            e.setType(def.type().name());
            e.setDescription(def.description());
            em.persist(e);
        } else if (!def.defaultValue().equals(e.getDefaultValue()) || !def.type().name().equals(e.getType())
                || !def.description().equals(e.getDescription())) {
            e.setDefaultValue(def.defaultValue());
            e.setType(def.type().name());
            e.setDescription(def.description());
        }
        return e.getValue();
    }

    /** @return every stored setting */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GlobalConfigEntity> all() {
        return em.createQuery("SELECT g FROM GlobalConfigEntity g", GlobalConfigEntity.class).getResultList();
    }

    /** @return the setting, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GlobalConfigEntity find(String category, String name) {
        return em.find(GlobalConfigEntity.class, new GlobalConfigEntity.Key(category, name));
    }

    /** @return the updated setting as stored, or null if unknown */
    public GlobalConfigInventory updateValue(String category, String name, String value) {
        GlobalConfigEntity e = em.find(GlobalConfigEntity.class, new GlobalConfigEntity.Key(category, name));
        if (e == null) {
            return null;
        }
        e.setValue(value);
        e.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return GlobalConfigInventory.of(e);
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, GlobalConfigEntity.class, request, GlobalConfigInventory::of);
    }
}
