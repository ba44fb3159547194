package io.kumo.compute.cluster;

import io.kumo.api.inventory.DependentResourceProvider;

import java.util.List;

/** The clusters of a zone, for the zone's delete modes; an Enforcing delete removes them with their hosts. */
public class ZoneClusters implements DependentResourceProvider {
    private final ClusterStore store;
    private final ClusterManager clusters;

    /** Wires the provider. */
    public ZoneClusters(ClusterStore store, ClusterManager clusters) {
        this.store = store;
        this.clusters = clusters;
    }

    @Override
    public List<String> dependentsOf(String parentType, String parentUuid) {
        return store.byZone(parentUuid).stream()
                .map(c -> "cluster \"" + c.getName() + "\" (" + c.getUuid() + ")").toList();
    }

    @Override
    public void deleteDependents(String parentType, String parentUuid) throws Exception {
        for (ClusterEntity c : store.byZone(parentUuid)) {
            clusters.deleteWithDependents(c.getUuid());
        }
    }
}
