package io.kumo.api.plugin;

import java.util.List;

/**
 * Whether a licensed (Plus) module can be used right now.
 *
 * @param name      the module, from {@link io.kumo.api.licence.LicensedModules#ALL}
 * @param available true when a plugin registering operations of the module is installed and started on this node
 * @param licensed  true when the licences allow its operations now (a valid module licence and platform licence)
 * @param licence   {@code Licensed}, {@code Expired} (reads only) or {@code Unlicensed}
 * @param plugins   the names of the plugins providing its operations, sorted
 */
public record LicensedModuleAvailability(String name, boolean available, boolean licensed, String licence,
                                         List<String> plugins) {
    /** {@code licence} when the module may be used. */
    public static final String LICENSED = "Licensed";
    /** {@code licence} when its licence has expired: reads only. */
    public static final String EXPIRED = "Expired";
    /** {@code licence} when there is no licence for it. */
    public static final String UNLICENSED = "Unlicensed";

    /** Copies the plugin list. */
    public LicensedModuleAvailability {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }
}
