package io.kumo.api.network;

import java.sql.Timestamp;

/**
 * An IP range of an L3 network (ZStack's IpRangeInventory).
 *
 * @param uuid          the range uuid
 * @param l3NetworkUuid its L3 network
 * @param name          its name
 * @param description   free text, or null
 * @param startIp       the first address handed out
 * @param endIp         the last address handed out
 * @param netmask       the netmask, e.g. {@code 255.255.255.0}
 * @param gateway       the gateway
 * @param networkCidr   the network in CIDR form
 * @param ipVersion     4
 * @param prefixLen     the prefix length
 * @param createDate    when it was added
 * @param lastOpDate    when it last changed
 */
public record IpRangeInventory(String uuid, String l3NetworkUuid, String name, String description, String startIp,
                               String endIp, String netmask, String gateway, String networkCidr, int ipVersion,
                               int prefixLen, Timestamp createDate, Timestamp lastOpDate) { }
