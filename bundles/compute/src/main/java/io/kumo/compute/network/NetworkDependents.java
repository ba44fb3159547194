package io.kumo.compute.network;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.inventory.DependentResourceProvider;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.compute.network.l2.L2NetworkEntity;
import io.kumo.compute.network.l2.L2NetworkStore;
import io.kumo.compute.network.l3.L3NetworkStore;

import java.util.ArrayList;
import java.util.List;

/**
 * What the network area keeps under other resources, for delete modes: a zone's L2 networks; an L2 network's L3
 * networks and (for a VXLAN pool) VXLAN networks; and a cluster's attachments to L2 networks, which never block a
 * cluster's deletion and go with it.
 */
public class NetworkDependents implements DependentResourceProvider {
    private final L2NetworkStore l2s;
    private final L3NetworkStore l3s;
    private final NetworkDeleter deleter;

    /** Wires the provider. */
    public NetworkDependents(L2NetworkStore l2s, L3NetworkStore l3s, NetworkDeleter deleter) {
        this.l2s = l2s;
        this.l3s = l3s;
        this.deleter = deleter;
    }

    @Override
    public List<String> dependentsOf(String parentType, String parentUuid) {
        List<String> found = new ArrayList<>();
        switch (parentType) {
            case ZoneInventory.RESOURCE_TYPE -> l2s.inZone(parentUuid).forEach(l2 -> found.add(l2.describe()));
            case L2NetworkInventory.RESOURCE_TYPE -> {
                l3s.onL2(parentUuid).forEach(l3 -> found.add(l3.describe()));
                l2s.vxlansOf(parentUuid).forEach(l2 -> found.add(l2.describe()));
            }
            default -> { }  // a cluster's attachments never block its deletion
        }
        return found;
    }

    @Override
    public void deleteDependents(String parentType, String parentUuid) throws Exception {
        switch (parentType) {
            case ZoneInventory.RESOURCE_TYPE -> {
                for (L2NetworkEntity l2 : l2s.inZone(parentUuid)) {
                    deleter.deleteL2(l2.getUuid());
                }
            }
            case L2NetworkInventory.RESOURCE_TYPE -> deleter.deleteChildrenOfL2(parentUuid);
            case ClusterInventory.RESOURCE_TYPE -> l2s.deleteRefsOfCluster(parentUuid);
            default -> { }
        }
    }
}
