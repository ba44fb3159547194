package io.kumo.api.plugin;

import java.util.List;
import java.util.Map;

/**
 * What the installation can do right now, as {@code GET /capabilities} reports it.
 *
 * @param types           every {@link CapabilityProvider} list merged by name (the standard names are always present,
 *                        empty when no module provides them), each sorted
 * @param licensedModules every licensed module, available or not, sorted by name
 */
public record Capabilities(Map<String, List<String>> types, List<LicensedModuleAvailability> licensedModules) {
    /** Copies the collections. */
    public Capabilities {
        types = types == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(types));
        licensedModules = licensedModules == null ? List.of() : List.copyOf(licensedModules);
    }
}
