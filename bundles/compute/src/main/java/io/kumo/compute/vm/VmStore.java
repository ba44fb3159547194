package io.kumo.compute.vm;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.vm.VmInstanceInventory;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Persists VMs and their NICs. */
@Transactional
public class VmStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs VM and NIC queries */
    public VmStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /** @param vm a new VM */
    public void create(VmInstanceEntity vm) { em.persist(vm); }

    /** @param uuid a VM @return its row (without reading NICs or volumes), or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VmInstanceEntity find(String uuid) { return em.find(VmInstanceEntity.class, uuid); }

    /** @param uuid a VM @return its inventory with NICs and volumes, or null */
    public VmInstanceInventory inventory(String uuid) {
        VmInstanceEntity vm = em.find(VmInstanceEntity.class, uuid);
        return vm == null ? null : vm.toInventory();
    }

    /**
     * Changes a VM.
     *
     * @param uuid    the VM
     * @param changes applied to the managed row
     * @return true if it exists
     */
    public boolean update(String uuid, Consumer<VmInstanceEntity> changes) {
        VmInstanceEntity vm = em.find(VmInstanceEntity.class, uuid);
        if (vm == null) {
            return false;
        }
        changes.accept(vm);
        vm.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return true;
    }

    /** @param uuid a VM whose row (and NIC rows) are removed @return true if it existed */
    public boolean delete(String uuid) {
        em.createQuery("DELETE FROM VmNicEntity n WHERE n.vmInstanceUuid = :vm").setParameter("vm", uuid).executeUpdate();
        return em.createQuery("DELETE FROM VmInstanceEntity v WHERE v.uuid = :vm").setParameter("vm", uuid).executeUpdate() > 0;
    }

    /** @param hostUuid a host @return the VMs placed on it */
    public List<VmInstanceInventory> onHost(String hostUuid) {
        return em.createQuery("SELECT v FROM VmInstanceEntity v WHERE v.hostUuid = :h ORDER BY v.uuid", VmInstanceEntity.class)
                .setParameter("h", hostUuid).getResultList().stream().map(VmInstanceEntity::toInventory).toList();
    }

    /** @param states states @return the uuids of VMs in them */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> inStates(Collection<String> states) {
        return em.createQuery("SELECT v.uuid FROM VmInstanceEntity v WHERE v.state IN :s", String.class)
                .setParameter("s", states).getResultList();
    }

    /** @param state a state @param before a date @return VMs in that state unchanged since before the date */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> inStateSince(String state, Timestamp before) {
        return em.createQuery("SELECT v.uuid FROM VmInstanceEntity v WHERE v.state = :s AND v.lastOpDate < :d", String.class)
                .setParameter("s", state).setParameter("d", before).getResultList();
    }

    /** @return the number of VMs on each host that has any */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> countByHost() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT v.hostUuid, COUNT(v) FROM VmInstanceEntity v WHERE v.hostUuid IS NOT NULL "
                + "GROUP BY v.hostUuid", Object[].class).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** @param nic a new NIC */
    public void createNic(VmNicEntity nic) { em.persist(nic); }

    /** @param vmUuid a VM @return its NICs in device order */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VmNicEntity> nicsOf(String vmUuid) {
        return em.createQuery("SELECT n FROM VmNicEntity n WHERE n.vmInstanceUuid = :vm ORDER BY n.deviceId", VmNicEntity.class)
                .setParameter("vm", vmUuid).getResultList();
    }

    /** @param l3NetworkUuid an L3 network @return the NICs on it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VmNicEntity> nicsOnL3(String l3NetworkUuid) {
        return em.createQuery("SELECT n FROM VmNicEntity n WHERE n.l3NetworkUuid = :l3 ORDER BY n.uuid", VmNicEntity.class)
                .setParameter("l3", l3NetworkUuid).getResultList();
    }

    /** @param l3NetworkUuid an L3 network @param ip an address @return the NIC holding that address there, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VmNicEntity nicWithIp(String l3NetworkUuid, String ip) {
        return em.createQuery("SELECT n FROM VmNicEntity n WHERE n.l3NetworkUuid = :l3 AND n.ip = :ip", VmNicEntity.class)
                .setParameter("l3", l3NetworkUuid).setParameter("ip", ip).setMaxResults(1).getResultList().stream()
                .findFirst().orElse(null);
    }

    /** @param mac a MAC address @return true if a NIC has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean macTaken(String mac) {
        return !em.createQuery("SELECT n.uuid FROM VmNicEntity n WHERE n.mac = :m", String.class)
                .setParameter("m", mac).setMaxResults(1).getResultList().isEmpty();
    }

    /** @param uuid a NIC @return it, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VmNicEntity findNic(String uuid) { return em.find(VmNicEntity.class, uuid); }

    /** @param uuid a NIC to remove @return true if it existed */
    public boolean deleteNic(String uuid) {
        return em.createQuery("DELETE FROM VmNicEntity n WHERE n.uuid = :u").setParameter("u", uuid).executeUpdate() > 0;
    }

    /** @param uuid a NIC @param usedIpUuid its new allocation @param ip its address */
    public void setNicIp(String uuid, String usedIpUuid, String ip) {
        VmNicEntity nic = em.find(VmNicEntity.class, uuid);
        if (nic != null) {
            nic.setUsedIpUuid(usedIpUuid);
            nic.setIp(ip);
            nic.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        }
    }

    /** @param request a query @return the page of VMs */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, VmInstanceEntity.class, request, VmInstanceEntity::toInventory);
    }

    /** @param request a query @return the page of NICs */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> queryNics(QueryRequest request) {
        return queryService.query(em, VmNicEntity.class, request, VmNicEntity::toInventory);
    }
}
