package io.kumo.api.network;

import java.sql.Timestamp;
import java.util.List;

/**
 * An L3 network as the API shows it (ZStack's L3NetworkInventory).
 *
 * @param uuid          the L3 network uuid
 * @param name          its name
 * @param description   free text, or null
 * @param type          {@code L3BasicNetwork}
 * @param zoneUuid      its zone
 * @param l2NetworkUuid the L2 network it runs on
 * @param state         {@code Enabled} or {@code Disabled}
 * @param dnsDomain     the DNS domain, or null
 * @param system        whether it is a system network (management, storage, migration)
 * @param category      {@code Private}, {@code Public} or {@code System}
 * @param ipVersion     4
 * @param mtu           the MTU of its NICs
 * @param dns           its DNS servers
 * @param ipRanges      its IP ranges
 * @param createDate    when it was created
 * @param lastOpDate    when it last changed
 */
public record L3NetworkInventory(String uuid, String name, String description, String type, String zoneUuid,
                                 String l2NetworkUuid, String state, String dnsDomain, boolean system,
                                 String category, int ipVersion, int mtu, List<String> dns,
                                 List<IpRangeInventory> ipRanges, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "l3Network";
}
