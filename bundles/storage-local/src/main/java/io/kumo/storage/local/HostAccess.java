package io.kumo.storage.local;

import java.util.Locale;

/** How the management node reaches the storage directory of a host. */
public enum HostAccess {
    /** Commands run on the host over ssh (key-based login). */
    SSH,
    /**
     * Commands run on the management node, which sees every host's directory at the same path: an all-in-one node,
     * or a filesystem shared by the node and the hosts.
     */
    LOCAL;

    /** The add parameter that chooses it. */
    public static final String PARAMETER = "hostAccess";

    /** @param value the parameter's value, or null @return the access it names (default ssh) */
    public static HostAccess of(String value) {
        return value == null || value.isBlank() ? SSH : valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    /** @return the parameter value */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
