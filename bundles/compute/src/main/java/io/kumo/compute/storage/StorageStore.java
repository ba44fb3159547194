package io.kumo.compute.storage;

import io.kumo.api.error.ApiException;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.function.Consumer;

/**
 * What the stores of primary and backup storage share: the rows' life cycle and queries.
 *
 * @param <E> the entity of the kind
 */
@Transactional
public abstract class StorageStore<E extends StorageEntity<?>> {
    @PersistenceContext(unitName = "kumo-compute")
    protected EntityManager em;
    private final QueryService queryService;
    private final Class<E> entity;
    private final String resourceType;

    /** @param queryService runs queries @param entity the entity class @param resourceType for 404s */
    protected StorageStore(QueryService queryService, Class<E> entity, String resourceType) {
        this.queryService = queryService;
        this.entity = entity;
        this.resourceType = resourceType;
    }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @return the resource type of the kind */
    public String resourceType() { return resourceType; }

    /** @param storage a new storage */
    public void create(E storage) { em.persist(storage); }

    /** @param uuid a uuid @return the storage, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public E find(String uuid) { return em.find(entity, uuid); }

    /** @param uuid a storage @return it @throws ApiException 404 if absent */
    @Transactional(Transactional.TxType.SUPPORTS)
    public E require(String uuid) {
        E storage = find(uuid);
        if (storage == null) {
            throw ApiException.notFound(resourceType, uuid);
        }
        return storage;
    }

    /** @param uuid a uuid @return true if a storage of the kind has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return find(uuid) != null; }

    /** @param uuid the storage @param changes applied to the managed row @return it changed, or null if absent */
    public E update(String uuid, Consumer<E> changes) {
        E storage = em.find(entity, uuid);
        if (storage == null) {
            return null;
        }
        changes.accept(storage);
        storage.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return storage;
    }

    /** @param uuid the storage @return true if it existed; its attachments and properties go with it */
    public boolean delete(String uuid) {
        E storage = em.find(entity, uuid);
        if (storage == null) {
            return false;
        }
        em.remove(storage);
        return true;
    }

    /** Re-creates a deleted storage from {@link Snapshots#of}; nothing happens if it exists. */
    public void restore(Object snapshot) {
        E storage = Snapshots.restore(snapshot, entity);
        if (em.find(entity, storage.getUuid()) == null) {
            em.persist(storage);
        }
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, entity, request, StorageEntity::toInventory);
    }
}
