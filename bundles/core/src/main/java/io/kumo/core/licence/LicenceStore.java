package io.kumo.core.licence;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.util.List;

/** Persists uploaded licences. */
@Transactional
public class LicenceStore {
    @PersistenceContext(unitName = "kumo")
    private EntityManager em;

    /** @param em the entity manager (tests) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @return every uploaded licence, oldest upload first */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LicenceEntity> all() {
        return em.createQuery("SELECT l FROM LicenceEntity l ORDER BY l.uploadDate, l.uuid", LicenceEntity.class).getResultList();
    }

    /** @param uuid a licence @return its row, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LicenceEntity find(String uuid) { return em.find(LicenceEntity.class, uuid); }

    /** @param licence a licence to add, or to write over the row of the same uuid */
    public void put(LicenceEntity licence) {
        if (em.find(LicenceEntity.class, licence.getUuid()) == null) {
            em.persist(licence);
        } else {
            em.merge(licence);
        }
    }

    /**
     * Records that the expiry reminder for {@code days} days left was announced, unless it (or a later one) already
     * was: one atomic conditional update, so that among several nodes exactly one announces each reminder.
     *
     * @param uuid a licence
     * @param days 30, 7, 1 or 0 (expired)
     * @return true if this call recorded it
     */
    public boolean markReminded(String uuid, int days) {
        return em.createQuery("UPDATE LicenceEntity l SET l.reminderDays = :d WHERE l.uuid = :u "
                        + "AND (l.reminderDays IS NULL OR l.reminderDays > :d)")
                .setParameter("d", days).setParameter("u", uuid).executeUpdate() == 1;
    }

    /** @param uuid a licence @return true if it existed */
    public boolean delete(String uuid) {
        LicenceEntity l = em.find(LicenceEntity.class, uuid);
        if (l == null) {
            return false;
        }
        em.remove(l);
        return true;
    }
}
