package io.kumo.api.vm;

import java.sql.Timestamp;
import java.util.List;

/**
 * A VM instance as the API shows it (ZStack's VmInstanceInventory).
 *
 * @param uuid                 the VM uuid
 * @param name                 its name
 * @param description          free text, or null
 * @param zoneUuid             its zone
 * @param clusterUuid          the cluster of its host, or null before it is placed
 * @param hostUuid             the host it runs on, or null when stopped
 * @param lastHostUuid         the host it last ran on, or null
 * @param imageUuid            the image its root volume came from
 * @param instanceOfferingUuid its offering
 * @param rootVolumeUuid       its root volume
 * @param defaultL3NetworkUuid the L3 network of its default NIC
 * @param platform             the guest platform
 * @param type                 {@code UserVm}
 * @param hypervisorType       the hypervisor type of its host
 * @param cpuNum               vCPUs
 * @param cpuSpeed             MHz (informational)
 * @param memorySize           bytes
 * @param allocatorStrategy    the host allocation strategy used to place it
 * @param architecture         the CPU architecture
 * @param state                {@code Created}, {@code Starting}, {@code Running}, {@code Stopping}, {@code Stopped},
 *                             {@code Rebooting}, {@code Pausing}, {@code Paused}, {@code Resuming},
 *                             {@code Destroying}, {@code Destroyed} (in the recycle bin), {@code Expunging},
 *                             {@code Unknown} or {@code Error}
 * @param vmNics               its NICs
 * @param allVolumes           its volumes, root first
 * @param createDate           when it was created
 * @param lastOpDate           when it last changed
 */
public record VmInstanceInventory(String uuid, String name, String description, String zoneUuid, String clusterUuid,
                                  String hostUuid, String lastHostUuid, String imageUuid, String instanceOfferingUuid,
                                  String rootVolumeUuid, String defaultL3NetworkUuid, String platform, String type,
                                  String hypervisorType, int cpuNum, long cpuSpeed, long memorySize,
                                  String allocatorStrategy, String architecture, String state,
                                  List<VmNicInventory> vmNics, List<VolumeInventory> allVolumes,
                                  Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "vmInstance";
}
