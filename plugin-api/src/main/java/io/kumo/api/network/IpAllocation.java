package io.kumo.api.network;

/**
 * An IP address taken from an L3 network.
 *
 * @param usedIpUuid    the allocation's uuid, to release it
 * @param l3NetworkUuid the network
 * @param ipRangeUuid   the range the address is in
 * @param ip            the address
 * @param netmask       the range's netmask
 * @param gateway       the range's gateway
 */
public record IpAllocation(String usedIpUuid, String l3NetworkUuid, String ipRangeUuid, String ip, String netmask,
                           String gateway) { }
