package io.kumo.core.identity.ownership;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Persists owner records and sharings. */
@Transactional
public class OwnershipStore {
    /** The receiver of a resource shared with every account. */
    public static final String PUBLIC = "*";

    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queries;

    /** @param queries runs ref and sharing queries */
    public OwnershipStore(QueryService queries) { this.queries = queries; }

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param resourceUuid a resource @return its owner record or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountResourceRefEntity ref(String resourceUuid) { return em.find(AccountResourceRefEntity.class, resourceUuid); }

    /** Records the owner of a resource, replacing any previous one. */
    public void setOwner(String resourceUuid, String resourceType, String accountUuid) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        AccountResourceRefEntity ref = em.find(AccountResourceRefEntity.class, resourceUuid);
        if (ref == null) {
            ref = new AccountResourceRefEntity();
            ref.setResourceUuid(resourceUuid);
            ref.setResourceType(resourceType);
            ref.setCreateDate(now);
            ref.setAccountUuid(accountUuid);
            ref.setLastOpDate(now);
            em.persist(ref);
            return;
        }
        if (!accountUuid.equals(ref.getAccountUuid())) {
            // sharings were the previous owner's decisions: a new owner starts with none
            em.createQuery("DELETE FROM SharedResourceEntity s WHERE s.resourceUuid = :r").setParameter("r", resourceUuid).executeUpdate();
        }
        ref.setAccountUuid(accountUuid);
        ref.setLastOpDate(now);
    }

    /** Forgets a deleted resource: its owner record and sharings. @return true if it had an owner record */
    public boolean forget(String resourceUuid) {
        em.createQuery("DELETE FROM SharedResourceEntity s WHERE s.resourceUuid = :r").setParameter("r", resourceUuid).executeUpdate();
        return em.createQuery("DELETE FROM AccountResourceRefEntity r WHERE r.resourceUuid = :r")
                .setParameter("r", resourceUuid).executeUpdate() > 0;
    }

    /** @return true if the resource is shared with the account or with every account */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isSharedWith(String resourceUuid, String accountUuid) {
        return !em.createQuery("SELECT s.resourceUuid FROM SharedResourceEntity s WHERE s.resourceUuid = :r"
                        + " AND s.receiverAccountUuid IN :a", String.class)
                .setParameter("r", resourceUuid).setParameter("a", List.of(accountUuid, PUBLIC)).setMaxResults(1).getResultList().isEmpty();
    }

    /** @return the uuids of the account's resources of a type */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> owned(String accountUuid, String resourceType) {
        return em.createQuery("SELECT r.resourceUuid FROM AccountResourceRefEntity r WHERE r.accountUuid = :a AND r.resourceType = :t",
                String.class).setParameter("a", accountUuid).setParameter("t", resourceType).getResultList();
    }

    /** @return how many resources the account owns, leaving out those of the given types */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countOwnedExcept(String accountUuid, Collection<String> resourceTypes) {
        return em.createQuery("SELECT COUNT(r) FROM AccountResourceRefEntity r WHERE r.accountUuid = :a AND r.resourceType NOT IN :t",
                Long.class).setParameter("a", accountUuid).setParameter("t", resourceTypes).getSingleResult();
    }

    /** @return the uuids the account may see: what it owns and what is shared with it or with everyone */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> visible(String accountUuid) {
        List<String> uuids = new ArrayList<>(em.createQuery("SELECT r.resourceUuid FROM AccountResourceRefEntity r WHERE r.accountUuid = :a",
                String.class).setParameter("a", accountUuid).getResultList());
        uuids.addAll(em.createQuery("SELECT s.resourceUuid FROM SharedResourceEntity s WHERE s.receiverAccountUuid IN :a", String.class)
                .setParameter("a", List.of(accountUuid, PUBLIC)).getResultList());
        return uuids;
    }

    /** Shares a resource with accounts (or {@link #PUBLIC}); sharing twice changes nothing. */
    public void share(AccountResourceRefEntity ref, Collection<String> receivers) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        for (String receiver : receivers) {
            if (em.find(SharedResourceEntity.class, new SharedResourceEntity.Key(ref.getResourceUuid(), receiver)) == null) {
                SharedResourceEntity s = new SharedResourceEntity();
                s.setResourceUuid(ref.getResourceUuid());
                s.setReceiverAccountUuid(receiver);
                s.setResourceType(ref.getResourceType());
                s.setOwnerAccountUuid(ref.getAccountUuid());
                s.setCreateDate(now);
                em.persist(s);
            }
        }
    }

    /** Revokes sharings of a resource: with the given receivers, or all of them if {@code receivers} is null. */
    public int revoke(String resourceUuid, Collection<String> receivers) {
        if (receivers == null) {
            return em.createQuery("DELETE FROM SharedResourceEntity s WHERE s.resourceUuid = :r").setParameter("r", resourceUuid).executeUpdate();
        }
        if (receivers.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM SharedResourceEntity s WHERE s.resourceUuid = :r AND s.receiverAccountUuid IN :a")
                .setParameter("r", resourceUuid).setParameter("a", receivers).executeUpdate();
    }

    /** @param request a query @return a page of owner records */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> queryRefs(QueryRequest request) {
        return queries.query(em, AccountResourceRefEntity.class, request, AccountResourceRefEntity::toInventory);
    }

    /** @param request a query @return a page of sharings */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> queryShares(QueryRequest request) {
        return queries.query(em, SharedResourceEntity.class, request, SharedResourceEntity::toInventory);
    }
}
