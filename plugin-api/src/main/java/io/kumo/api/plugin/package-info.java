/**
 * Plugins and capabilities: what is installed on a management node ({@link io.kumo.api.plugin.PluginService},
 * {@link io.kumo.api.plugin.PluginInventory}) and what the installation can do right now
 * ({@link io.kumo.api.plugin.CapabilityService}, contributed by modules through
 * {@link io.kumo.api.plugin.CapabilityProvider} services).
 * <p>
 * A <em>plugin</em> is any bundle other than the kernel's ({@link io.kumo.api.plugin.PluginService#KERNEL_BUNDLES})
 * that is built against this API (it imports an {@code io.kumo.api} package), registers a service of an
 * {@code io.kumo.api} type, or declares the manifest header {@link io.kumo.api.plugin.PluginService#PLUGIN_HEADER}.
 * Third-party libraries and Karaf's own bundles are not plugins.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kumo.api.plugin;
