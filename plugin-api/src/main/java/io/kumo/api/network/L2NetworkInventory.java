package io.kumo.api.network;

import java.sql.Timestamp;
import java.util.List;

/**
 * An L2 network as the API shows it (ZStack's L2NetworkInventory and its VLAN and VXLAN forms).
 *
 * @param uuid                 the L2 network uuid
 * @param name                 its name
 * @param description          free text, or null
 * @param zoneUuid             its zone
 * @param physicalInterface    the host interface it rides on, e.g. {@code eth0}
 * @param type                 {@code L2NoVlanNetwork}, {@code L2VlanNetwork}, {@code VxlanNetworkPool} or {@code VxlanNetwork}
 * @param vlan                 the VLAN id for {@code L2VlanNetwork}, else null
 * @param vni                  the VNI for {@code VxlanNetwork}, else null
 * @param poolUuid             the pool of a {@code VxlanNetwork}, else null
 * @param attachedClusterUuids the clusters whose hosts reach it
 * @param createDate           when it was created
 * @param lastOpDate           when it last changed
 */
public record L2NetworkInventory(String uuid, String name, String description, String zoneUuid,
                                 String physicalInterface, String type, Integer vlan, Integer vni, String poolUuid,
                                 List<String> attachedClusterUuids, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "l2Network";
}
