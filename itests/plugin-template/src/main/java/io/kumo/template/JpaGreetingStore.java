package io.kumo.template;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;

/**
 * Greetings in the plugin's table, through its persistence unit: Aries JPA injects the entity manager
 * ({@code jpa:enable} in the Blueprint file), Aries transactions wrap each public method ({@code tx:enable}).
 */
@Transactional
public class JpaGreetingStore implements GreetingStore {
    @PersistenceContext(unitName = "kumo-plugin-template")
    private EntityManager em;
    private final QueryService queries;

    /** @param queries the kernel's query service, which runs {@code GET /greetings?q=...} on this unit */
    public JpaGreetingStore(QueryService queries) { this.queries = Objects.requireNonNull(queries, "queries"); }

    @Override
    public void create(GreetingEntity entity) { em.persist(entity); }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GreetingEntity> find(String uuid) { return Optional.ofNullable(em.find(GreetingEntity.class, uuid)); }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<GreetingEntity> findByName(String name) {
        return em.createQuery("SELECT g FROM GreetingEntity g WHERE g.name = :name", GreetingEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public boolean delete(String uuid) {
        GreetingEntity g = em.find(GreetingEntity.class, uuid);
        if (g == null) {
            return false;
        }
        em.remove(g);
        return true;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queries.query(em, GreetingEntity.class, request, GreetingEntity::toInventory);
    }
}
