package io.kumo.api.cluster;

import java.util.Optional;

/** Reads clusters, for modules whose resources attach to them. */
public interface ClusterService {
    /** @param uuid a cluster uuid @return the cluster, if it exists */
    Optional<ClusterInventory> get(String uuid);
}
