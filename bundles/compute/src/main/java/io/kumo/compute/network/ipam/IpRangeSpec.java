package io.kumo.compute.network.ipam;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

import java.util.Collection;

/**
 * A validated IPv4 range: addresses {@code start..end} handed out in the subnet {@code network/prefix}, with a gateway
 * in that subnet but outside the range. The factories refuse bad input with a 400 that says what is wrong.
 *
 * @param start   the first address
 * @param end     the last address
 * @param gateway the gateway
 * @param prefix  the subnet's prefix length
 */
public record IpRangeSpec(long start, long end, long gateway, int prefix) {
    /** The smallest and largest prefix accepted for a range's subnet. */
    public static final int MIN_PREFIX = 8;
    public static final int MAX_PREFIX = 30;

    /**
     * Validates a range given by its bounds, netmask and gateway.
     *
     * @throws ApiException 400 naming the first problem found
     */
    public static IpRangeSpec of(String startIp, String endIp, String netmask, String gateway) {
        long start = Ipv4.parse(startIp, "startIp");
        long end = Ipv4.parse(endIp, "endIp");
        int prefix = Ipv4.prefixOf(netmask);
        long gw = Ipv4.parse(gateway, "gateway");
        if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
            throw ApiException.invalidArgument("netmask " + netmask + " is a /" + prefix + "; use a netmask from /"
                    + MIN_PREFIX + " (255.0.0.0) to /" + MAX_PREFIX + " (255.255.255.252)");
        }
        if (start > end) {
            throw ApiException.invalidArgument("startIp " + startIp + " is after endIp " + endIp + "; swap them");
        }
        Ipv4.Cidr subnet = new Ipv4.Cidr(Ipv4.network(start, prefix), prefix);
        if (!subnet.contains(end)) {
            throw ApiException.invalidArgument("the range " + startIp + "-" + endIp + " is not inside one subnet of netmask "
                    + netmask + ": endIp must be in " + subnet);
        }
        if (start == subnet.network() || end == subnet.broadcast()) {
            throw ApiException.invalidArgument("the range " + startIp + "-" + endIp + " includes the network address "
                    + Ipv4.format(subnet.network()) + " or the broadcast address " + Ipv4.format(subnet.broadcast())
                    + " of " + subnet + "; start after the first and end before the last address");
        }
        if (!subnet.contains(gw) || gw == subnet.network() || gw == subnet.broadcast()) {
            throw ApiException.invalidArgument("gateway " + gateway + " is not a host address of the range's subnet " + subnet);
        }
        if (gw >= start && gw <= end) {
            throw ApiException.invalidArgument("gateway " + gateway + " is inside the range " + startIp + "-" + endIp
                    + "; the range must not contain the gateway (e.g. start after it)");
        }
        return new IpRangeSpec(start, end, gw, prefix);
    }

    /**
     * Validates a range given as a network in CIDR form: every host address but the gateway, which defaults to the
     * first host address. The range starts after the gateway when the gateway is the first host, else it spans the
     * hosts and the gateway must be the first or the last host.
     *
     * @throws ApiException 400 naming the first problem found
     */
    public static IpRangeSpec ofCidr(String networkCidr, String gateway) {
        Ipv4.Cidr cidr = Ipv4.parseCidr(networkCidr, MIN_PREFIX, MAX_PREFIX);
        long firstHost = cidr.network() + 1;
        long lastHost = cidr.broadcast() - 1;
        long gw = gateway == null ? firstHost : Ipv4.parse(gateway, "gateway");
        if (gw == firstHost) {
            return of(Ipv4.format(firstHost + 1), Ipv4.format(lastHost), Ipv4.format(cidr.mask()), Ipv4.format(gw));
        }
        if (gw == lastHost) {
            return of(Ipv4.format(firstHost), Ipv4.format(lastHost - 1), Ipv4.format(cidr.mask()), Ipv4.format(gw));
        }
        throw ApiException.invalidArgument("gateway " + gateway + " must be the first (" + Ipv4.format(firstHost)
                + ") or the last (" + Ipv4.format(lastHost) + ") host address of " + networkCidr
                + " so that the range does not contain it; or add the range with startIp and endIp");
    }

    /** @return the netmask in dotted form */
    public String netmask() { return Ipv4.format(Ipv4.maskOf(prefix)); }

    /** @return the subnet in CIDR form */
    public String networkCidr() { return new Ipv4.Cidr(Ipv4.network(start, prefix), prefix).toString(); }

    /** @return how many addresses the range holds */
    public long size() { return end - start + 1; }

    /** An existing range, for overlap checks. @param uuid its uuid @param name its name @param start first @param end last */
    public record Existing(String uuid, String name, long start, long end) { }

    /**
     * @param others the other ranges of the same L3 network
     * @throws ApiException 409 CONFLICT naming the first range this one overlaps
     */
    public void requireNoOverlap(Collection<Existing> others) {
        for (Existing o : others) {
            if (start <= o.end() && o.start() <= end) {
                throw new ApiException(ErrorCode.CONFLICT, "the range " + Ipv4.format(start) + "-" + Ipv4.format(end)
                        + " overlaps the IP range \"" + o.name() + "\" (" + o.uuid() + ", " + Ipv4.format(o.start()) + "-"
                        + Ipv4.format(o.end()) + ") of the same L3 network; choose addresses outside it");
            }
        }
    }
}
