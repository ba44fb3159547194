package io.kumo.compute.quota;

import io.kumo.compute.image.ImageEntity;
import io.kumo.compute.vm.VmInstanceEntity;
import io.kumo.compute.volume.VolumeEntity;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the VMs, volumes and images an account owns, to measure its quota usage. */
@Transactional(Transactional.TxType.SUPPORTS)
public class QuotaUsageStore {
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @return the VMs among the uuids */
    public List<VmInstanceEntity> vms(Collection<String> uuids) { return load(VmInstanceEntity.class, uuids); }

    /** @return the volumes among the uuids */
    public List<VolumeEntity> volumes(Collection<String> uuids) { return load(VolumeEntity.class, uuids); }

    /** @return the images among the uuids */
    public List<ImageEntity> images(Collection<String> uuids) { return load(ImageEntity.class, uuids); }

    private <T> List<T> load(Class<T> type, Collection<String> uuids) {
        List<String> all = new ArrayList<>(uuids);
        List<T> found = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(em.createQuery("SELECT e FROM " + type.getSimpleName() + " e WHERE e.uuid IN :u", type)
                    .setParameter("u", all.subList(i, Math.min(all.size(), i + CHUNK))).getResultList());
        }
        return found;
    }
}
