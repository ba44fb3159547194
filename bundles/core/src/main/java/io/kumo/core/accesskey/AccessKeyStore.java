package io.kumo.core.accesskey;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;

/** Persists access keys. */
@Transactional
public class AccessKeyStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queries;

    /** @param queries runs access-key queries */
    public AccessKeyStore(QueryService queries) { this.queries = queries; }

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param k a new key */
    public void create(AccessKeyEntity k) { em.persist(k); }

    /** @param uuid a key @return it or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccessKeyEntity find(String uuid) { return em.find(AccessKeyEntity.class, uuid); }

    /** @param accessKeyId an AccessKeyID @return its key or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccessKeyEntity byAccessKeyId(String accessKeyId) {
        List<AccessKeyEntity> l = em.createQuery("SELECT k FROM AccessKeyEntity k WHERE k.AccessKeyID = :i", AccessKeyEntity.class)
                .setParameter("i", accessKeyId).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    /** @return true if the user exists in the account */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean userOfAccount(String accountUuid, String userUuid) {
        return em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.uuid = :u AND u.accountUuid = :a", Long.class)
                .setParameter("u", userUuid).setParameter("a", accountUuid).getSingleResult() > 0;
    }

    /** @return true if the key existed */
    public boolean setState(String uuid, String state, Timestamp now) {
        return em.createQuery("UPDATE AccessKeyEntity k SET k.state = :s, k.lastOpDate = :now WHERE k.uuid = :u")
                .setParameter("s", state).setParameter("now", now).setParameter("u", uuid).executeUpdate() == 1;
    }

    /** @return true if the key existed */
    public boolean delete(String uuid) {
        return em.createQuery("DELETE FROM AccessKeyEntity k WHERE k.uuid = :u").setParameter("u", uuid).executeUpdate() == 1;
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queries.query(em, AccessKeyEntity.class, request, AccessKeyEntity::toInventory);
    }
}
