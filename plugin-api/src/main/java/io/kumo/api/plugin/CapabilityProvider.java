package io.kumo.api.plugin;

import java.util.Collection;
import java.util.Map;

/**
 * Contributes to what the installation can do right now (the {@code GetCapabilities} query). Register as an OSGi
 * service; the kernel merges every provider's lists by name. Standard names are the constants of this interface;
 * a module may add its own.
 */
public interface CapabilityProvider {
    /** Hypervisor types with a backend installed, e.g. {@code Simulator}, {@code KVM}. */
    String HYPERVISOR_TYPES = "hypervisorTypes";
    /** Primary storage types with a backend installed. */
    String PRIMARY_STORAGE_TYPES = "primaryStorageTypes";
    /** Backup storage types with a backend installed. */
    String BACKUP_STORAGE_TYPES = "backupStorageTypes";
    /** L2 network types that can be created. */
    String L2_NETWORK_TYPES = "l2NetworkTypes";
    /** L3 network types that can be created. */
    String L3_NETWORK_TYPES = "l3NetworkTypes";

    /** @return named lists of types this module serves now; read on every query, so it may change at any time */
    Map<String, Collection<String>> capabilities();
}
