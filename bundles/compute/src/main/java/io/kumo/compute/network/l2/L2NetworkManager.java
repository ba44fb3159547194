package io.kumo.compute.network.l2;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.cluster.ClusterService;
import io.kumo.api.error.ApiException;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.network.L2NetworkInventory;

import java.util.List;
import java.util.Optional;

/** L2 networks for the operations and other modules, and the l2Network resource type for tags and events. */
public class L2NetworkManager implements ResourceTypeProvider {
    /** The VO name of L2 networks in tags. */
    public static final String VO_NAME = "L2NetworkVO";
    private final L2NetworkStore store;
    private final List<ClusterService> clusters;

    /** @param store persistence @param clusters the cluster services present (none while no cluster module runs) */
    public L2NetworkManager(L2NetworkStore store, List<ClusterService> clusters) {
        this.store = store;
        this.clusters = clusters;
    }

    /** @param uuid an L2 network @return it @throws ApiException 404 if absent */
    public L2NetworkEntity require(String uuid) {
        L2NetworkEntity l2 = store.find(uuid);
        if (l2 == null) {
            throw ApiException.notFound(L2NetworkInventory.RESOURCE_TYPE, uuid);
        }
        return l2;
    }

    /** @param l2 an L2 network @return the clusters reaching it: its own attachments, or its pool's for a VXLAN network */
    public List<String> clustersReaching(L2NetworkEntity l2) {
        if (L2NetworkEntity.VXLAN.equals(l2.getType())) {
            L2NetworkEntity pool = store.find(l2.getPoolUuid());
            return pool == null ? List.of() : pool.attachedClusterUuids();
        }
        return l2.attachedClusterUuids();
    }

    /** @param l2 an L2 network @return its API view */
    public L2NetworkInventory inventory(L2NetworkEntity l2) { return l2.toInventory(clustersReaching(l2)); }

    /** @param uuid an L2 network @return its API view, read now */
    public L2NetworkInventory inventory(String uuid) { return inventory(require(uuid)); }

    /** @param uuid a cluster @return it @throws ApiException 404 if no cluster service knows it */
    public ClusterInventory requireCluster(String uuid) {
        for (ClusterService s : List.copyOf(clusters)) {
            Optional<ClusterInventory> c = s.get(uuid);
            if (c.isPresent()) {
                return c.get();
            }
        }
        throw ApiException.notFound(ClusterInventory.RESOURCE_TYPE, uuid);
    }

    @Override public String resourceType() { return L2NetworkInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
