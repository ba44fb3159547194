package io.kumo.compute.host;

import io.kumo.api.inventory.DependentResourceProvider;

import java.util.List;

/** The hosts of a cluster, for the cluster's delete modes; an Enforcing delete removes them with their own dependents. */
public class ClusterHosts implements DependentResourceProvider {
    private final HostStore store;
    private final HostManager hosts;

    /** Wires the provider. */
    public ClusterHosts(HostStore store, HostManager hosts) {
        this.store = store;
        this.hosts = hosts;
    }

    @Override
    public List<String> dependentsOf(String parentType, String parentUuid) {
        return store.byCluster(parentUuid).stream()
                .map(h -> "host \"" + h.getName() + "\" (" + h.getUuid() + ")").toList();
    }

    @Override
    public void deleteDependents(String parentType, String parentUuid) throws Exception {
        for (HostEntity h : store.byCluster(parentUuid)) {
            hosts.deleteWithDependents(h.getUuid());
        }
    }
}
