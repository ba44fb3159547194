package io.kumo.api.node;

import java.util.List;

/**
 * The management nodes sharing this database and bus, and which of them owns a resource: ownership is split by
 * consistent hashing of a key (usually a resource uuid) over the live nodes.
 */
public interface ClusterService {
    /** @return the uuid of this node */
    String localNodeUuid();

    /** @param key a key @return the uuid of the node that owns it */
    String ownerOf(String key);

    /** @param key a key @return true if this node owns it */
    default boolean isLocal(String key) { return localNodeUuid().equals(ownerOf(key)); }

    /** @return the live nodes */
    List<ManagementNodeInventory> nodes();
}
