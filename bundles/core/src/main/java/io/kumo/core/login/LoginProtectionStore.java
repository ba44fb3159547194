package io.kumo.core.login;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;

/** Persists failed-login counters, captchas and TOTP secrets: every management node sees the same state. */
@Transactional
public class LoginProtectionStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param loginName a login name @return its consecutive failures */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int failures(String loginName) {
        LoginAttemptEntity a = em.find(LoginAttemptEntity.class, loginName);
        return a == null ? 0 : a.getFailures();
    }

    /** Counts one more failure. @return the failures now */
    public int addFailure(String loginName, Timestamp now) {
        int n = em.createQuery("UPDATE LoginAttemptEntity a SET a.failures = a.failures + 1, a.lastFailureDate = :now WHERE a.loginName = :n")
                .setParameter("now", now).setParameter("n", loginName).executeUpdate();
        if (n == 0) {
            LoginAttemptEntity a = new LoginAttemptEntity();
            a.setLoginName(loginName);
            a.setFailures(1);
            a.setLastFailureDate(now);
            em.persist(a);
            return 1;
        }
        em.flush();
        em.clear();
        return failures(loginName);
    }

    /** Forgets the failures of a login name (a successful login). */
    public void resetFailures(String loginName) {
        em.createQuery("DELETE FROM LoginAttemptEntity a WHERE a.loginName = :n").setParameter("n", loginName).executeUpdate();
    }

    /** @param c a new captcha (expired ones are deleted first) */
    public void createCaptcha(CaptchaEntity c) {
        em.createQuery("DELETE FROM CaptchaEntity c WHERE c.expiredDate < :now").setParameter("now", c.getCreateDate()).executeUpdate();
        em.persist(c);
    }

    /** @param uuid a captcha @return it or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaptchaEntity captcha(String uuid) { return em.find(CaptchaEntity.class, uuid); }

    /** @param uuid a captcha @param answer its new answer @param expires its new expiry @return true if it existed */
    public boolean replaceCaptcha(String uuid, String answer, Timestamp expires) {
        return em.createQuery("UPDATE CaptchaEntity c SET c.answer = :a, c.expiredDate = :e WHERE c.uuid = :u")
                .setParameter("a", answer).setParameter("e", expires).setParameter("u", uuid).executeUpdate() == 1;
    }

    /**
     * Deletes a captcha and returns it: whoever deletes it first uses it, so a captcha answers once across all nodes.
     *
     * @param uuid a captcha
     * @return it, or null if unknown or already used
     */
    public CaptchaEntity takeCaptcha(String uuid) {
        CaptchaEntity c = em.find(CaptchaEntity.class, uuid);
        if (c == null) {
            return null;
        }
        int n = em.createQuery("DELETE FROM CaptchaEntity c WHERE c.uuid = :u").setParameter("u", uuid).executeUpdate();
        return n == 1 ? c : null;
    }

    /** @param accountUuid an account @param userUuid a user or null @return its TOTP row or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TwoFactorEntity twoFactor(String accountUuid, String userUuid) {
        List<TwoFactorEntity> l = em.createQuery("SELECT t FROM TwoFactorEntity t WHERE t.principal = :p", TwoFactorEntity.class)
                .setParameter("p", TwoFactorEntity.principal(accountUuid, userUuid)).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    /** Replaces the TOTP row of a principal. */
    public void saveTwoFactor(TwoFactorEntity t) {
        em.createQuery("DELETE FROM TwoFactorEntity t WHERE t.principal = :p").setParameter("p", t.getPrincipal()).executeUpdate();
        em.persist(t);
    }

    /** @param uuid a TOTP row @param status its new status */
    public void setTwoFactorStatus(String uuid, String status, Timestamp now) {
        em.createQuery("UPDATE TwoFactorEntity t SET t.status = :s, t.lastOpDate = :now WHERE t.uuid = :u")
                .setParameter("s", status).setParameter("now", now).setParameter("u", uuid).executeUpdate();
    }

    /**
     * Records that the code of {@code step} was used, unless it or a later one was: a code is accepted once.
     *
     * @return true if this call consumed the step
     */
    public boolean consumeStep(String uuid, long step) {
        return em.createQuery("UPDATE TwoFactorEntity t SET t.lastUsedStep = :s WHERE t.uuid = :u AND t.lastUsedStep < :s")
                .setParameter("s", step).setParameter("u", uuid).executeUpdate() == 1;
    }

    /** @param accountUuid an account @param userUuid a user or null @return true if a row was deleted */
    public boolean deleteTwoFactor(String accountUuid, String userUuid) {
        return em.createQuery("DELETE FROM TwoFactorEntity t WHERE t.principal = :p")
                .setParameter("p", TwoFactorEntity.principal(accountUuid, userUuid)).executeUpdate() > 0;
    }
}
