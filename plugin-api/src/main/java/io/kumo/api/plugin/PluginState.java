package io.kumo.api.plugin;

/** The state of a plugin's bundle on this management node, as {@link PluginInventory#state()} reports it. */
public enum PluginState {
    /** Started: its services (operations, backends, resource types) are registered. */
    Active,
    /** Installed but not resolved: a package or capability it needs is missing. */
    Installed,
    /** Resolved but not started (stopped, or not started yet). */
    Resolved,
    /** Being started. */
    Starting,
    /** Being stopped. */
    Stopping,
    /** Started, but its Blueprint container failed: it serves nothing; the node's log says why. */
    Failed
}
