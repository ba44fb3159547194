package io.kumo.core.identity.quota;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** Persists the quota values of accounts. */
@Transactional
public class QuotaStore {
    /** The identity type of every quota row: quotas belong to accounts. */
    public static final String ACCOUNT = "AccountVO";

    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queries;

    /** @param queries runs quota queries */
    public QuotaStore(QueryService queries) { this.queries = queries; }

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @return the account's own row for a quota, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QuotaEntity find(String accountUuid, String name) {
        List<QuotaEntity> rows = em.createQuery("SELECT q FROM QuotaEntity q WHERE q.identityUuid = :a AND q.name = :n", QuotaEntity.class)
                .setParameter("a", accountUuid).setParameter("n", name).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Sets an account's own value for a quota. @return the row */
    public QuotaInventory set(String accountUuid, String name, long value) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        QuotaEntity q = find(accountUuid, name);
        if (q == null) {
            q = new QuotaEntity();
            q.setUuid(UUID.randomUUID().toString().replace("-", ""));
            q.setName(name);
            q.setIdentityUuid(accountUuid);
            q.setIdentityType(ACCOUNT);
            q.setCreateDate(now);
            q.setValue(value);
            q.setLastOpDate(now);
            em.persist(q);
            return q.toInventory();
        }
        q.setValue(value);
        q.setLastOpDate(now);
        return q.toInventory();
    }

    /** @param request a query @return a page of quota rows */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queries.query(em, QuotaEntity.class, request, QuotaEntity::toInventory);
    }
}
