package io.kumo.compute.host;

import io.kumo.api.error.ApiException;

import java.util.regex.Pattern;

/** Checks management addresses: an IPv4 or IPv6 address, or a DNS host name (resolved by the backend, not here). */
final class HostAddresses {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");

    private HostAddresses() { }

    /** @param address a management address @return it @throws ApiException 400 if it is neither an address nor a host name */
    static String requireValid(String address) {
        if (!isValid(address)) {
            throw ApiException.invalidArgument("managementIp '" + address + "' is neither an IPv4/IPv6 address nor a host name;"
                    + " give the address the management node reaches the host at, e.g. 192.168.0.10");
        }
        return address;
    }

    /** @param a an address @return true if it is an IPv4 or IPv6 address or a DNS host name */
    static boolean isValid(String a) {
        if (a == null || a.isEmpty() || a.length() > 253) {
            return false;
        }
        if (IPV4.matcher(a).matches()) {
            return true;
        }
        if (a.indexOf(':') >= 0) {
            return isIpv6(a);
        }
        if (DOTTED_NUMBERS.matcher(a).matches()) {
            return false;  // looks like an IPv4 address but is not one
        }
        for (String label : a.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String a) {
        if (!IPV6.matcher(a).matches()) {
            return false;
        }
        try {
            // a literal with a colon is parsed, never resolved
            return java.net.InetAddress.getByName(a) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
