package io.kumo.compute.backend;

import io.kumo.api.plugin.CapabilityProvider;
import io.kumo.compute.network.l2.L2NetworkEntity;
import io.kumo.compute.network.l3.L3NetworkEntity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What compute serves now, for {@code GET /capabilities}: the hypervisor, primary and backup storage types whose
 * backends are registered (read from {@link Backends} on every call), and the L2 and L3 network types compute
 * creates itself (fixed: no-VLAN, VLAN, VXLAN pool, VXLAN; basic L3).
 */
public class ComputeCapabilities implements CapabilityProvider {
    /** The L2 network types compute creates, in the order of ZStack's documentation. */
    static final List<String> L2_TYPES = List.of(L2NetworkEntity.NO_VLAN, L2NetworkEntity.VLAN, L2NetworkEntity.VXLAN_POOL,
            L2NetworkEntity.VXLAN);
    /** The L3 network types compute creates. */
    static final List<String> L3_TYPES = List.of(L3NetworkEntity.BASIC);

    private final Backends backends;

    /** @param backends the registries of backends */
    public ComputeCapabilities(Backends backends) { this.backends = backends; }

    @Override
    public Map<String, Collection<String>> capabilities() {
        Map<String, Collection<String>> c = new LinkedHashMap<>();
        c.put(HYPERVISOR_TYPES, backends.hypervisors().types());
        c.put(PRIMARY_STORAGE_TYPES, backends.primaryStorage().types());
        c.put(BACKUP_STORAGE_TYPES, backends.backupStorage().types());
        c.put(L2_NETWORK_TYPES, L2_TYPES);
        c.put(L3_NETWORK_TYPES, L3_TYPES);
        return c;
    }
}
