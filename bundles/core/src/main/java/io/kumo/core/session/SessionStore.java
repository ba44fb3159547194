package io.kumo.core.session;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;

/** Persists accounts and sessions. */
@Transactional
public class SessionStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param name an account name @return the account or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountEntity accountByName(String name) {
        List<AccountEntity> l = em.createQuery("SELECT a FROM AccountEntity a WHERE a.name = :n", AccountEntity.class)
                .setParameter("n", name).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    /** @param uuid an account uuid @return the account or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountEntity account(String uuid) { return em.find(AccountEntity.class, uuid); }

    /** Creates the account if no account has its uuid. @return true if created */
    public boolean createAccountIfAbsent(AccountEntity account) {
        if (em.find(AccountEntity.class, account.getUuid()) != null) {
            return false;
        }
        em.persist(account);
        return true;
    }

    /** @param session a new session */
    public void createSession(SessionEntity session) { em.persist(session); }

    /** @param uuid a session @return it or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionEntity session(String uuid) { return em.find(SessionEntity.class, uuid); }

    /** @param uuid a session @return true if it existed */
    public boolean deleteSession(String uuid) {
        SessionEntity s = em.find(SessionEntity.class, uuid);
        if (s == null) {
            return false;
        }
        em.remove(s);
        return true;
    }

    /** @param now the time @return how many expired sessions were deleted */
    public int deleteExpired(Timestamp now) {
        return em.createQuery("DELETE FROM SessionEntity s WHERE s.expiredDate < :now").setParameter("now", now).executeUpdate();
    }
}
