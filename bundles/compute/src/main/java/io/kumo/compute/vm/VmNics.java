package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.network.IpAllocation;

import java.sql.Timestamp;
import java.util.concurrent.ThreadLocalRandom;

/** Creates NICs as a VM create does: an address from the network's IPAM, a free {@code fa:} MAC, the next device id. */
final class VmNics {
    private VmNics() { }

    /**
     * Allocates an address and persists the NIC.
     *
     * @param vms the lifecycle @param vmUuid the VM @param nicUuid the new NIC's uuid @param l3 its network
     * @param staticIp the address wanted, or null for any free one @param deviceId its device id
     * @param mac its MAC (a rollback putting a NIC back), or null for a free one
     * @return the NIC
     */
    static VmNicEntity create(VmLifecycle vms, String vmUuid, String nicUuid, String l3, String staticIp, int deviceId,
                              String mac) {
        IpAllocation ip = vms.networks().allocateIp(l3, staticIp, nicUuid);
        try {
            VmInstanceEntity vm = vms.require(vmUuid);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            VmNicEntity nic = new VmNicEntity();
            nic.setUuid(nicUuid);
            nic.setVmInstanceUuid(vmUuid);
            nic.setL3NetworkUuid(l3);
            nic.setUsedIpUuid(ip.usedIpUuid());
            nic.setIp(ip.ip());
            nic.setNetmask(ip.netmask());
            nic.setGateway(ip.gateway());
            nic.setMac(mac != null ? mac : freeMac(vms));
            nic.setHypervisorType(vm.getHypervisorType());
            nic.setIpVersion(4);
            nic.setDeviceId(deviceId);
            nic.setInternalName("vnic" + deviceId);
            nic.setCreateDate(now);
            nic.setLastOpDate(now);
            vms.vms().createNic(nic);
            return nic;
        } catch (RuntimeException e) {
            vms.networks().releaseIp(ip.usedIpUuid());
            throw e;
        }
    }

    /** @return the lowest device id no NIC of the VM uses */
    static int nextDeviceId(VmLifecycle vms, String vmUuid) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        vms.vms().nicsOf(vmUuid).forEach(n -> used.add(n.getDeviceId()));
        int id = 0;
        while (used.contains(id)) {
            id++;
        }
        return id;
    }

    static String freeMac(VmLifecycle vms) {
        for (int attempt = 0; attempt < 16; attempt++) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String mac = String.format("fa:%02x:%02x:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256),
                    r.nextInt(256), r.nextInt(256));
            if (!vms.vms().macTaken(mac)) {
                return mac;
            }
        }
        throw new ApiException(ErrorCode.CONFLICT, "could not find a free MAC address; retry");
    }
}
