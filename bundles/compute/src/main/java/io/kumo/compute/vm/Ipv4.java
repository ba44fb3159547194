package io.kumo.compute.vm;

/** IPv4 dotted quads as numbers, for range checks. */
final class Ipv4 {
    private Ipv4() { }

    /** @param text a dotted quad @return its value, or -1 if it is not one */
    static long parse(String text) {
        if (text == null) {
            return -1;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            value = value << 8 | octet;
        }
        return value;
    }
}
