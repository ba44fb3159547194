package io.kumo.core.identity.ldap;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;

/** Persists LDAP servers and the bindings of LDAP users to accounts. */
@Transactional
public class LdapStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public LdapStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param server a new server */
    public void createServer(LdapServerEntity server) { em.persist(server); }

    /** @param uuid a server @return it or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LdapServerEntity server(String uuid) { return em.find(LdapServerEntity.class, uuid); }

    /** @return every server, oldest first */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LdapServerEntity> servers() {
        return em.createQuery("SELECT s FROM LdapServerEntity s ORDER BY s.createDate, s.uuid", LdapServerEntity.class).getResultList();
    }

    /** Changes a server. @return the changed server, or null if it does not exist */
    public LdapServerEntity updateServer(String uuid, Consumer<LdapServerEntity> changes) {
        LdapServerEntity s = em.find(LdapServerEntity.class, uuid);
        if (s == null) {
            return null;
        }
        changes.accept(s);
        s.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return s;
    }

    /** Deletes a server and the bindings of its users. @return true if it existed */
    public boolean deleteServer(String uuid) {
        em.createQuery("DELETE FROM LdapBindingEntity b WHERE b.ldapServerUuid = :s").setParameter("s", uuid).executeUpdate();
        LdapServerEntity s = em.find(LdapServerEntity.class, uuid);
        if (s == null) {
            return false;
        }
        em.remove(s);
        return true;
    }

    /** @param binding a new binding */
    public void createBinding(LdapBindingEntity binding) { em.persist(binding); }

    /** @param uuid a binding @return it or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LdapBindingEntity binding(String uuid) { return em.find(LdapBindingEntity.class, uuid); }

    /** @param serverUuid a server @param ldapUid a login name @return its binding or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LdapBindingEntity binding(String serverUuid, String ldapUid) {
        List<LdapBindingEntity> l = em.createQuery(
                        "SELECT b FROM LdapBindingEntity b WHERE b.ldapServerUuid = :s AND b.ldapUid = :u", LdapBindingEntity.class)
                .setParameter("s", serverUuid).setParameter("u", ldapUid).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    /** @return every binding */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LdapBindingEntity> bindings() {
        return em.createQuery("SELECT b FROM LdapBindingEntity b ORDER BY b.createDate, b.uuid", LdapBindingEntity.class).getResultList();
    }

    /** @param uuid a binding @return true if it existed */
    public boolean deleteBinding(String uuid) {
        LdapBindingEntity b = em.find(LdapBindingEntity.class, uuid);
        if (b == null) {
            return false;
        }
        em.remove(b);
        return true;
    }

    /** @param request a query @return the page of servers */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> queryServers(QueryRequest request) {
        return queryService.query(em, LdapServerEntity.class, request, LdapServerEntity::toInventory);
    }

    /** @param request a query @return the page of bindings */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> queryBindings(QueryRequest request) {
        return queryService.query(em, LdapBindingEntity.class, request, LdapBindingEntity::toInventory);
    }
}
