package io.kumo.api.host;

import java.sql.Timestamp;

/**
 * A host as the API shows it (ZStack's HostInventory). CPU capacity is counted in vCPUs and memory in bytes; the
 * available figures already apply the over-commit ratios of global configuration.
 *
 * @param uuid                    the host uuid
 * @param name                    its name
 * @param description             free text, or null
 * @param zoneUuid                its zone
 * @param clusterUuid             its cluster
 * @param managementIp            the address the management node reaches it at
 * @param hypervisorType          e.g. {@code Simulator} or {@code KVM}
 * @param state                   {@code Enabled}, {@code Disabled}, {@code PreMaintenance} or {@code Maintenance}
 * @param status                  {@code Connecting}, {@code Connected} or {@code Disconnected}
 * @param totalCpuCapacity        vCPUs the host offers after over-commit
 * @param availableCpuCapacity    vCPUs not yet reserved
 * @param cpuSockets              physical CPU sockets
 * @param cpuNum                  physical CPU threads
 * @param totalMemoryCapacity     bytes the host offers after over-commit
 * @param availableMemoryCapacity bytes not yet reserved
 * @param architecture            the CPU architecture, e.g. {@code x86_64}
 * @param createDate              when it was added
 * @param lastOpDate              when it last changed
 */
public record HostInventory(String uuid, String name, String description, String zoneUuid, String clusterUuid,
                            String managementIp, String hypervisorType, String state, String status,
                            long totalCpuCapacity, long availableCpuCapacity, int cpuSockets, int cpuNum,
                            long totalMemoryCapacity, long availableMemoryCapacity, String architecture,
                            Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "host";
}
