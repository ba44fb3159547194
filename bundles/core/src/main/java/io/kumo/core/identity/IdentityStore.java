package io.kumo.core.identity;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.core.identity.group.UserGroupEntity;
import io.kumo.core.identity.group.UserGroupUserRefEntity;
import io.kumo.core.identity.policy.PolicyAttachmentEntity;
import io.kumo.core.identity.policy.PolicyEntity;
import io.kumo.core.identity.user.UserEntity;
import io.kumo.core.session.AccountEntity;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

/** Persists accounts, users, user groups, policies and their attachments. */
@Transactional
public class IdentityStore {
    /** Principal type of a policy attached to a user. */
    public static final String USER = "User";
    /** Principal type of a policy attached to a user group. */
    public static final String GROUP = "Group";

    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queries;

    /** @param queries runs identity queries */
    public IdentityStore(QueryService queries) { this.queries = queries; }

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param entity a new entity of this store */
    public void persist(Object entity) { em.persist(entity); }

    /** @param type the entity class @param id its key @return it or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> T find(Class<T> type, Object id) { return em.find(type, id); }

    /** @param type the entity class @param id its key @param change applied in the transaction @return the changed entity or null */
    public <T> T update(Class<T> type, Object id, java.util.function.Consumer<T> change) {
        T e = em.find(type, id);
        if (e != null) {
            change.accept(e);
        }
        return e;
    }

    /** @return the account with that name, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountEntity accountByName(String name) {
        return first(em.createQuery("SELECT a FROM AccountEntity a WHERE a.name = :n", AccountEntity.class).setParameter("n", name).getResultList());
    }

    /** @return the user of the account with that name, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserEntity userByName(String accountUuid, String name) {
        return first(em.createQuery("SELECT u FROM UserEntity u WHERE u.accountUuid = :a AND u.name = :n", UserEntity.class)
                .setParameter("a", accountUuid).setParameter("n", name).getResultList());
    }

    /** @return the group of the account with that name, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserGroupEntity groupByName(String accountUuid, String name) {
        return first(em.createQuery("SELECT g FROM UserGroupEntity g WHERE g.accountUuid = :a AND g.name = :n", UserGroupEntity.class)
                .setParameter("a", accountUuid).setParameter("n", name).getResultList());
    }

    /** @return the uuids of the groups the user is in */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> groupsOf(String userUuid) {
        return em.createQuery("SELECT r.groupUuid FROM UserGroupUserRefEntity r WHERE r.userUuid = :u", String.class)
                .setParameter("u", userUuid).getResultList();
    }

    /** @return the policies attached to any of the principals (users and groups) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicyEntity> policiesOf(Collection<String> principalUuids) {
        return em.createQuery("SELECT p FROM PolicyEntity p, PolicyAttachmentEntity a WHERE a.policyUuid = p.uuid"
                + " AND a.principalUuid IN :u", PolicyEntity.class).setParameter("u", principalUuids).getResultList();
    }

    /** Adds a user to a group. @return false if it already was */
    public boolean addToGroup(String groupUuid, String userUuid) {
        if (em.find(UserGroupUserRefEntity.class, new UserGroupUserRefEntity.Key(groupUuid, userUuid)) != null) {
            return false;
        }
        UserGroupUserRefEntity r = new UserGroupUserRefEntity();
        r.setGroupUuid(groupUuid);
        r.setUserUuid(userUuid);
        r.setCreateDate(now());
        em.persist(r);
        return true;
    }

    /** Removes a user from a group. @return false if it was not in it */
    public boolean removeFromGroup(String groupUuid, String userUuid) {
        UserGroupUserRefEntity r = em.find(UserGroupUserRefEntity.class, new UserGroupUserRefEntity.Key(groupUuid, userUuid));
        if (r != null) {
            em.remove(r);
        }
        return r != null;
    }

    /** Attaches a policy to a user or group. @return false if it already was */
    public boolean attach(String policyUuid, String principalUuid, String principalType) {
        if (em.find(PolicyAttachmentEntity.class, new PolicyAttachmentEntity.Key(policyUuid, principalUuid)) != null) {
            return false;
        }
        PolicyAttachmentEntity a = new PolicyAttachmentEntity();
        a.setPolicyUuid(policyUuid);
        a.setPrincipalUuid(principalUuid);
        a.setPrincipalType(principalType);
        a.setCreateDate(now());
        em.persist(a);
        return true;
    }

    /** Detaches a policy from a user or group. @return false if it was not attached */
    public boolean detach(String policyUuid, String principalUuid) {
        PolicyAttachmentEntity a = em.find(PolicyAttachmentEntity.class, new PolicyAttachmentEntity.Key(policyUuid, principalUuid));
        if (a != null) {
            em.remove(a);
        }
        return a != null;
    }

    /** Deletes a user with its memberships, policy attachments and sessions. */
    public void deleteUser(String uuid) {
        delete("AccountResourceRefEntity", "resourceUuid", uuid);
        delete("UserGroupUserRefEntity", "userUuid", uuid);
        delete("PolicyAttachmentEntity", "principalUuid", uuid);
        delete("SessionEntity", "userUuid", uuid);
        delete("UserEntity", "uuid", uuid);
    }

    /** Deletes a group with its memberships and policy attachments. */
    public void deleteGroup(String uuid) {
        delete("AccountResourceRefEntity", "resourceUuid", uuid);
        delete("UserGroupUserRefEntity", "groupUuid", uuid);
        delete("PolicyAttachmentEntity", "principalUuid", uuid);
        delete("UserGroupEntity", "uuid", uuid);
    }

    /** Deletes a policy and its attachments. */
    public void deletePolicy(String uuid) {
        delete("AccountResourceRefEntity", "resourceUuid", uuid);
        delete("PolicyAttachmentEntity", "policyUuid", uuid);
        delete("PolicyEntity", "uuid", uuid);
    }

    /** Deletes an account with its users, groups, policies and sessions, in one transaction. */
    public void deleteAccount(String accountUuid) {
        for (String u : uuids("UserEntity", accountUuid)) {
            deleteUser(u);
        }
        for (String g : uuids("UserGroupEntity", accountUuid)) {
            deleteGroup(g);
        }
        for (String p : uuids("PolicyEntity", accountUuid)) {
            deletePolicy(p);
        }
        delete("SessionEntity", "accountUuid", accountUuid);
        delete("SharedResourceEntity", "receiverAccountUuid", accountUuid);
        delete("QuotaEntity", "identityUuid", accountUuid);
        delete("AccountEntity", "uuid", accountUuid);
    }

    /** @return the sessions of an account, to evict from caches */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> sessionsOf(String field, String uuid) {
        return em.createQuery("SELECT s.uuid FROM SessionEntity s WHERE s." + field + " = :u", String.class).setParameter("u", uuid).getResultList();
    }

    /** @param type an identity entity class @param request a query @param toInventory its inventory @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <E> QueryResult<Object> query(Class<E> type, QueryRequest request, java.util.function.Function<E, ?> toInventory) {
        return queries.query(em, type, request, toInventory);
    }

    private List<String> uuids(String entity, String accountUuid) {
        return em.createQuery("SELECT e.uuid FROM " + entity + " e WHERE e.accountUuid = :a", String.class)
                .setParameter("a", accountUuid).getResultList();
    }

    private void delete(String entity, String field, String value) {
        em.createQuery("DELETE FROM " + entity + " e WHERE e." + field + " = :v").setParameter("v", value).executeUpdate();
    }

    private static <T> T first(List<T> l) { return l.isEmpty() ? null : l.get(0); }

    private static Timestamp now() { return new Timestamp(System.currentTimeMillis()); }
}
