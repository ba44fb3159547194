package io.kumo.core.testing;

import io.kumo.api.node.ClusterService;
import io.kumo.api.node.ManagementNodeInventory;

import java.util.List;

/** A one-node cluster: this node owns every key. */
public final class FakeClusterService implements ClusterService {
    private final String nodeUuid;

    /** @param nodeUuid the uuid of the only node */
    public FakeClusterService(String nodeUuid) { this.nodeUuid = nodeUuid; }

    @Override public String localNodeUuid() { return nodeUuid; }
    @Override public String ownerOf(String key) { return nodeUuid; }
    @Override public List<ManagementNodeInventory> nodes() { return List.of(); }
}
