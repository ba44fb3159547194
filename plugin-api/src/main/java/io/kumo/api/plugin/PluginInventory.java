package io.kumo.api.plugin;

import java.util.List;

/**
 * A plugin installed on this management node and what it provides right now.
 *
 * @param name                the bundle symbolic name, e.g. {@code io.kumo.simulator}; the plugin's identity
 * @param version             the bundle version, e.g. {@code 0.1.0.SNAPSHOT}
 * @param title               the bundle's human-readable name ({@code Bundle-Name}), or null
 * @param bundleId            the OSGi bundle id on this node (changes when the plugin is reinstalled)
 * @param state               the bundle's state
 * @param location            where the bundle was installed from ({@code mvn:}, {@code file:}, {@code http(s):} URL)
 * @param operations          the names of the operations it registers, sorted
 * @param resourceTypes       the resource types it declares ({@code ResourceTypeProvider} services), sorted
 * @param hypervisorTypes     the hypervisor types of its {@code HypervisorBackend} services, sorted
 * @param primaryStorageTypes the types of its {@code PrimaryStorageBackend} services, sorted
 * @param backupStorageTypes  the types of its {@code BackupStorageBackend} services, sorted
 * @param licensedModules     the licensed (Plus) modules its operations belong to, sorted; empty for an open plugin
 */
public record PluginInventory(String name, String version, String title, long bundleId, PluginState state, String location,
                              List<String> operations, List<String> resourceTypes, List<String> hypervisorTypes,
                              List<String> primaryStorageTypes, List<String> backupStorageTypes,
                              List<String> licensedModules) {
    /** The resource type of plugins in permissions and messages. */
    public static final String RESOURCE_TYPE = "plugin";

    /** Copies the lists; null lists become empty. */
    public PluginInventory {
        operations = copy(operations);
        resourceTypes = copy(resourceTypes);
        hypervisorTypes = copy(hypervisorTypes);
        primaryStorageTypes = copy(primaryStorageTypes);
        backupStorageTypes = copy(backupStorageTypes);
        licensedModules = copy(licensedModules);
    }

    private static List<String> copy(List<String> list) { return list == null ? List.of() : List.copyOf(list); }
}
