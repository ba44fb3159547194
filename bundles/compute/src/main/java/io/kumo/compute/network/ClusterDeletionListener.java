package io.kumo.compute.network;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.compute.network.l2.L2NetworkStore;

/**
 * Removes the L2 attachments of a deleted cluster. A Permissive cluster delete does not call
 * {@link NetworkDependents#deleteDependents} (attachments never block it), so the attachments go when the deletion is
 * announced; removing them is idempotent, so every management node may do it.
 */
public class ClusterDeletionListener implements ResourceEventListener {
    private final L2NetworkStore l2s;

    /** @param l2s the L2 store */
    public ClusterDeletionListener(L2NetworkStore l2s) { this.l2s = l2s; }

    @Override
    public void onEvent(ResourceEvent event) {
        if (event.type() == EventType.DELETED && ClusterInventory.RESOURCE_TYPE.equals(event.resourceType())) {
            l2s.deleteRefsOfCluster(event.resourceUuid());
        }
    }
}
