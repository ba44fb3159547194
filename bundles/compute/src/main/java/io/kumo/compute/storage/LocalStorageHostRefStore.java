package io.kumo.compute.storage;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;

/**
 * Persists the per-host capacity of host-local primary storage, and keeps each such storage's capacity the sum over
 * its hosts.
 */
@Transactional
public class LocalStorageHostRefStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /**
     * Records what a host sees of a storage and sets the storage's capacity to the sum over its hosts, keeping what
     * volumes already hold of it reserved (the used capacity beyond the physical use last reported).
     *
     * @param primaryStorageUuid the storage @param hostUuid the host
     * @param total bytes the host sees in all @param available bytes free there
     */
    public void record(String primaryStorageUuid, String hostUuid, long total, long available) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        LocalStorageHostRefEntity ref = em.find(LocalStorageHostRefEntity.class,
                new LocalStorageHostRefEntity.Key(primaryStorageUuid, hostUuid));
        if (ref == null) {
            ref = new LocalStorageHostRefEntity();
            ref.setPrimaryStorageUuid(primaryStorageUuid);
            ref.setHostUuid(hostUuid);
            ref.setCreateDate(now);
            em.persist(ref);
        }
        ref.setTotalCapacity(total);
        ref.setAvailableCapacity(available);
        ref.setLastOpDate(now);
        em.flush();
        resum(primaryStorageUuid);
    }

    /** @param hostUuid a host gone @return the storages it had rows for, whose sums are updated */
    public List<String> removeHost(String hostUuid) {
        List<String> storages = em.createQuery("SELECT r.primaryStorageUuid FROM LocalStorageHostRefEntity r WHERE r.hostUuid = :h",
                String.class).setParameter("h", hostUuid).getResultList();
        em.createQuery("DELETE FROM LocalStorageHostRefEntity r WHERE r.hostUuid = :h").setParameter("h", hostUuid).executeUpdate();
        storages.forEach(this::resum);
        return storages;
    }

    /** @param primaryStorageUuid a storage @param keep the hosts that still reach it; the others' rows go */
    public void retainHosts(String primaryStorageUuid, List<String> keep) {
        List<LocalStorageHostRefEntity> refs = of(primaryStorageUuid);
        boolean removed = false;
        for (LocalStorageHostRefEntity r : refs) {
            if (!keep.contains(r.getHostUuid())) {
                em.remove(r);
                removed = true;
            }
        }
        if (removed) {
            em.flush();
            resum(primaryStorageUuid);
        }
    }

    /** @param primaryStorageUuid a storage @return its per-host rows */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LocalStorageHostRefEntity> of(String primaryStorageUuid) {
        return em.createQuery("SELECT r FROM LocalStorageHostRefEntity r WHERE r.primaryStorageUuid = :p ORDER BY r.hostUuid",
                LocalStorageHostRefEntity.class).setParameter("p", primaryStorageUuid).getResultList();
    }

    private void resum(String primaryStorageUuid) {
        PrimaryStorageEntity ps = em.find(PrimaryStorageEntity.class, primaryStorageUuid);
        if (ps == null) {
            return;
        }
        long total = 0;
        long available = 0;
        for (LocalStorageHostRefEntity r : of(primaryStorageUuid)) {
            total += r.getTotalCapacity();
            available += r.getAvailableCapacity();
        }
        // what volumes hold: the used capacity beyond what the storage itself reported as used
        long held = Math.max(0, (ps.getTotalCapacity() - ps.getAvailableCapacity())
                - (ps.getTotalPhysicalCapacity() - ps.getAvailablePhysicalCapacity()));
        ps.setTotalCapacity(total);
        ps.setAvailableCapacity(Math.max(0, Math.min(total, available - held)));
        ps.setTotalPhysicalCapacity(total);
        ps.setAvailablePhysicalCapacity(available);
        ps.setLastOpDate(new Timestamp(System.currentTimeMillis()));
    }
}
