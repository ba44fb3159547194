package io.kumo.compute.vm;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Persists the settings of VMs that reach the hypervisor at the next start: boot order, console password, the ISO in
 * the CD-ROM drive and where hosts find it. Values are never logged; the console password is never returned.
 */
@Transactional
public class VmSettings {
    /** Comma-separated boot devices. */
    public static final String BOOT_ORDER = "bootOrder";
    /** The VNC password (a secret). */
    public static final String CONSOLE_PASSWORD = "consolePassword";
    /** The ISO image in the CD-ROM drive. */
    public static final String ISO = "iso";
    /** Where the host finds that ISO (its primary storage's image cache). */
    public static final String ISO_PATH = "isoInstallPath";

    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param vmUuid a VM @return its settings by name */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> of(String vmUuid) {
        Map<String, String> values = new LinkedHashMap<>();
        for (VmSettingEntity s : em.createQuery("SELECT s FROM VmSettingEntity s WHERE s.vmInstanceUuid = :vm ORDER BY s.name",
                VmSettingEntity.class).setParameter("vm", vmUuid).getResultList()) {
            values.put(s.getName(), s.getValue());
        }
        return values;
    }

    /** @param vmUuid a VM @param name a setting @return its value, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String get(String vmUuid, String name) {
        VmSettingEntity s = em.find(VmSettingEntity.class, new VmSettingEntity.Key(vmUuid, name));
        return s == null ? null : s.getValue();
    }

    /**
     * Sets or removes a setting.
     *
     * @param vmUuid a VM @param name a setting @param value its value, null to remove it
     * @return the previous value, or null
     */
    public String put(String vmUuid, String name, String value) {
        VmSettingEntity s = em.find(VmSettingEntity.class, new VmSettingEntity.Key(vmUuid, name));
        String previous = s == null ? null : s.getValue();
        if (value == null) {
            if (s != null) {
                em.remove(s);
            }
            return previous;
        }
        if (s == null) {
            s = new VmSettingEntity();
            s.setVmInstanceUuid(vmUuid);
            s.setName(name);
            s.setValue(value);
            s.setLastOpDate(new Timestamp(System.currentTimeMillis()));
            em.persist(s);
        } else {
            s.setValue(value);
            s.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        }
        return previous;
    }
}
