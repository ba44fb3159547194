package io.kumo.api.inventory;

import java.util.UUID;
import java.util.regex.Pattern;

/** ZStack-style resource uuids: 32 lower-case hex digits without dashes. */
public final class Uuids {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");

    private Uuids() { }

    /** @return a new random uuid */
    public static String random() { return UUID.randomUUID().toString().replace("-", ""); }

    /** @param s a string @return true if it is a well-formed uuid */
    public static boolean isValid(String s) { return s != null && FORMAT.matcher(s).matches(); }
}
