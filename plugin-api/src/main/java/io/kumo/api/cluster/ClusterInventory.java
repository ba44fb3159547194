package io.kumo.api.cluster;

import java.sql.Timestamp;

/**
 * A cluster as the API shows it (ZStack's ClusterInventory).
 *
 * @param uuid           the cluster uuid
 * @param name           its name
 * @param description    free text, or null
 * @param state          {@code Enabled} or {@code Disabled}
 * @param hypervisorType the hypervisor type of all its hosts, e.g. {@code Simulator} or {@code KVM}
 * @param type           the cluster type, {@code zstack}
 * @param zoneUuid       the zone it belongs to
 * @param architecture   the CPU architecture of its hosts, e.g. {@code x86_64}
 * @param createDate     when it was created
 * @param lastOpDate     when it last changed
 */
public record ClusterInventory(String uuid, String name, String description, String state, String hypervisorType,
                               String type, String zoneUuid, String architecture, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "cluster";
}
