package io.kumo.api.offering;

import java.sql.Timestamp;

/**
 * An instance offering as the API shows it (ZStack's InstanceOfferingInventory): the size of a VM.
 *
 * @param uuid              the offering uuid
 * @param name              its name
 * @param description       free text, or null
 * @param cpuNum            vCPUs
 * @param cpuSpeed          the CPU speed in MHz (informational)
 * @param memorySize        memory in bytes
 * @param type              {@code UserVm}
 * @param allocatorStrategy the host allocation strategy of VMs created with it
 * @param sortKey           an ordering hint for consoles
 * @param state             {@code Enabled} or {@code Disabled}
 * @param createDate        when it was created
 * @param lastOpDate        when it last changed
 */
public record InstanceOfferingInventory(String uuid, String name, String description, int cpuNum, long cpuSpeed,
                                        long memorySize, String type, String allocatorStrategy, int sortKey,
                                        String state, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "instanceOffering";
}
