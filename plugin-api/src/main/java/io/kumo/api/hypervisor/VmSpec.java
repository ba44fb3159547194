package io.kumo.api.hypervisor;

import java.util.List;
import java.util.Map;

/**
 * Everything a hypervisor needs to run a VM.
 *
 * @param vmUuid     the VM uuid
 * @param name       the VM name
 * @param hostUuid   the host to run it on
 * @param cpuNum     vCPUs
 * @param memory     memory in bytes
 * @param platform   the guest platform: {@code Linux}, {@code Windows}, {@code Other}...
 * @param disks      its disks, the root volume first
 * @param nics       its NICs, in device order
 * @param properties backend-specific settings (display type, console password...), possibly empty
 */
public record VmSpec(String vmUuid, String name, String hostUuid, int cpuNum, long memory, String platform,
                     List<Disk> disks, List<Nic> nics, Map<String, String> properties) {
    /** Canonical constructor: copies the lists. */
    public VmSpec {
        disks = disks == null ? List.of() : List.copyOf(disks);
        nics = nics == null ? List.of() : List.copyOf(nics);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /**
     * A disk of a VM.
     *
     * @param volumeUuid  the volume
     * @param installPath where the primary storage put it
     * @param format      {@code qcow2}, {@code raw} or {@code iso}
     * @param deviceId    0 for the root volume
     * @param root        whether it is the root volume
     */
    public record Disk(String volumeUuid, String installPath, String format, int deviceId, boolean root) { }

    /**
     * A NIC of a VM.
     *
     * @param nicUuid       the NIC
     * @param mac           its MAC address
     * @param ip            its IP address
     * @param l3NetworkUuid its L3 network
     * @param l2Type        the L2 network type, e.g. {@code L2VlanNetwork}
     * @param physicalInterface the host interface of the L2 network
     * @param vlan          the VLAN id or VNI, or null
     * @param mtu           the MTU
     * @param deviceId      its position
     */
    public record Nic(String nicUuid, String mac, String ip, String l3NetworkUuid, String l2Type,
                      String physicalInterface, Integer vlan, int mtu, int deviceId) { }
}
