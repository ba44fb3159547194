package io.kumo.api.network;

/**
 * A free address of an L3 network, as {@code GetFreeIp} lists it (ZStack's FreeIpInventory).
 *
 * @param ipRangeUuid the range the address is in
 * @param ip          the address
 * @param netmask     the range's netmask
 * @param gateway     the range's gateway
 */
public record FreeIpInventory(String ipRangeUuid, String ip, String netmask, String gateway) { }
