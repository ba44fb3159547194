package io.kumo.compute.network.ipam;

import io.kumo.api.error.ApiException;

/** IPv4 arithmetic on addresses held as unsigned 32-bit values in a {@code long}. */
public final class Ipv4 {
    private Ipv4() { }

    /**
     * @param text a dotted quad such as {@code 10.0.0.1}
     * @param what what the address is, for the error message (e.g. {@code startIp})
     * @return its value
     * @throws ApiException 400 if it is not a dotted IPv4 address
     */
    public static long parse(String text, String what) {
        long v = parseOrMinus1(text);
        if (v < 0) {
            throw ApiException.invalidArgument(what + " '" + text + "' is not a valid IPv4 address (expected four numbers 0-255 such as 192.168.0.10)");
        }
        return v;
    }

    /** @param text some text @return true if it is a dotted IPv4 address */
    public static boolean isValid(String text) { return parseOrMinus1(text) >= 0; }

    private static long parseOrMinus1(String text) {
        if (text == null) {
            return -1;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || (p.length() > 1 && p.charAt(0) == '0')) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            v = (v << 8) | octet;
        }
        return v;
    }

    /** @param v an address value @return its dotted form */
    public static String format(long v) {
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }

    /**
     * @param netmask a dotted netmask such as {@code 255.255.255.0}
     * @return its prefix length
     * @throws ApiException 400 if it is not a valid contiguous netmask
     */
    public static int prefixOf(String netmask) {
        long v = parseOrMinus1(netmask);
        if (v < 0) {
            throw ApiException.invalidArgument("netmask '" + netmask + "' is not a valid IPv4 netmask (e.g. 255.255.255.0)");
        }
        int prefix = Long.numberOfLeadingZeros(~v & 0xffffffffL) - 32;
        if (maskOf(prefix) != v || prefix == 0) {
            throw ApiException.invalidArgument("netmask '" + netmask + "' is not a contiguous netmask: its one bits must come first (e.g. 255.255.255.0, 255.255.240.0)");
        }
        return prefix;
    }

    /** @param prefix 0..32 @return the netmask value */
    public static long maskOf(int prefix) {
        return prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    /** @param ip an address @param prefix a prefix length @return the network address */
    public static long network(long ip, int prefix) { return ip & maskOf(prefix); }

    /** @param ip an address @param prefix a prefix length @return the broadcast address */
    public static long broadcast(long ip, int prefix) { return network(ip, prefix) | (~maskOf(prefix) & 0xffffffffL); }

    /**
     * A network in CIDR form, e.g. {@code 10.0.0.0/24}.
     *
     * @param network the network address
     * @param prefix  the prefix length
     */
    public record Cidr(long network, int prefix) {
        /** @return the netmask value */
        public long mask() { return maskOf(prefix); }
        /** @return the broadcast address */
        public long broadcast() { return Ipv4.broadcast(network, prefix); }
        /** @param ip an address @return true if it is in this network */
        public boolean contains(long ip) { return Ipv4.network(ip, prefix) == network; }
        @Override public String toString() { return format(network) + "/" + prefix; }
    }

    /**
     * @param text      a CIDR such as {@code 192.168.10.0/24}
     * @param minPrefix the smallest prefix accepted
     * @param maxPrefix the largest prefix accepted
     * @return it, with host bits cleared
     * @throws ApiException 400 if malformed or its prefix is out of bounds
     */
    public static Cidr parseCidr(String text, int minPrefix, int maxPrefix) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length != 2 || !isValid(parts[0]) || parts[1].isEmpty() || parts[1].length() > 2
                || !parts[1].chars().allMatch(Character::isDigit)) {
            throw ApiException.invalidArgument("networkCidr '" + text + "' is not a valid IPv4 CIDR (e.g. 192.168.10.0/24)");
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < minPrefix || prefix > maxPrefix) {
            throw ApiException.invalidArgument("networkCidr '" + text + "' has prefix /" + prefix + "; use a prefix from /"
                    + minPrefix + " to /" + maxPrefix);
        }
        return new Cidr(network(parseOrMinus1(parts[0]), prefix), prefix);
    }
}
