package io.kumo.api.network;

import java.sql.Timestamp;

/**
 * Addresses of an L3 network that are never handed out (ZStack's ReservedIpRangeInventory).
 *
 * @param uuid          the reserved range uuid
 * @param l3NetworkUuid its L3 network
 * @param name          its name, or null
 * @param description   free text, or null
 * @param startIp       the first reserved address
 * @param endIp         the last reserved address
 * @param ipVersion     4
 * @param createDate    when it was added
 * @param lastOpDate    when it last changed
 */
public record ReservedIpRangeInventory(String uuid, String l3NetworkUuid, String name, String description,
                                       String startIp, String endIp, int ipVersion, Timestamp createDate,
                                       Timestamp lastOpDate) {
    /** The resource type name used in events. */
    public static final String RESOURCE_TYPE = "reservedIpRange";
}
