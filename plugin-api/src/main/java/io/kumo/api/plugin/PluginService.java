package io.kumo.api.plugin;

import io.kumo.api.error.ApiException;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plugins of this management node: list, install, uninstall and upgrade them while the node keeps serving.
 * Plugins are node-local (a bundle lives in one node's OSGi framework): with several management nodes, install the
 * same plugin on every node. Operations, shell commands and OpenAPI entries follow the plugin's services: they
 * appear when its bundle starts and disappear when it stops.
 */
public interface PluginService {
    /** The manifest header that marks a bundle as a Kumo plugin even before it registers anything. */
    String PLUGIN_HEADER = "Kumo-Plugin";

    /** The kernel's bundles: never listed as plugins, never uninstalled or upgraded through this service. */
    Set<String> KERNEL_BUNDLES = Set.of("io.kumo.api", "io.kumo.core", "io.kumo.rest", "io.kumo.shell", "io.kumo.query",
            "io.kumo.bus");

    /** The URL schemes a plugin may be installed or upgraded from. */
    Set<String> URL_SCHEMES = Set.of("mvn", "file", "http", "https");

    /** @return every plugin installed on this node, sorted by name */
    List<PluginInventory> plugins();

    /** @param name a bundle symbolic name @return the plugin of that name, if one is installed */
    Optional<PluginInventory> find(String name);

    /**
     * Installs and starts a plugin: a bundle jar, a Karaf archive ({@code .kar}) or a feature of a features repository
     * ({@code .../features.xml}, or a {@code mvn:} URL of type {@code xml}).
     *
     * @param url     a {@code mvn:}, {@code file:}, {@code http:} or {@code https:} URL
     * @param feature for a features repository, the name of the feature to install; must be null otherwise
     * @return the plugins the installation added, sorted by name
     * @throws ApiException {@code SYS.1007} for a URL of another scheme, a missing file, an unreadable or invalid
     *                      artifact, or a bundle that cannot be resolved; {@code SYS.1009} if a plugin of the same
     *                      name is installed already (upgrade it instead)
     */
    List<PluginInventory> install(String url, String feature);

    /**
     * Uninstalls a plugin. Its persisted data (database rows, files) stays: reinstalling it finds them again.
     *
     * @param name the plugin's name
     * @return the plugin as it was just before
     * @throws ApiException {@code SYS.1006} if no plugin has that name; {@code SYS.1007} for a kernel bundle
     */
    PluginInventory uninstall(String name);

    /**
     * Replaces a plugin's bundle with the one at {@code url} (an OSGi bundle update: stopped, replaced, restarted).
     *
     * @param name the plugin's name
     * @param url  a {@code mvn:}, {@code file:}, {@code http:} or {@code https:} URL of the new bundle jar
     * @return the plugin after the update
     * @throws ApiException {@code SYS.1006} if no plugin has that name; {@code SYS.1007} for a kernel bundle, a bad
     *                      URL, or a jar of another bundle
     */
    PluginInventory upgrade(String name, String url);
}
