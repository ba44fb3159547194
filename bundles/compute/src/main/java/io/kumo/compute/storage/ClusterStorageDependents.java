package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.inventory.DependentResourceProvider;
import io.kumo.api.storage.PrimaryStorageInventory;

import java.util.List;

/**
 * Primary storage attachments of a cluster: not dependents (a cluster may be deleted while storage is attached), but
 * removed when the cluster goes, in either delete mode.
 */
public class ClusterStorageDependents implements DependentResourceProvider {
    private final PrimaryStorageStore store;
    private final EventPublisher events;

    /** Wires the provider. */
    public ClusterStorageDependents(PrimaryStorageStore store, EventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public List<String> dependentsOf(String parentType, String clusterUuid) { return List.of(); }

    @Override
    public void deleteDependents(String parentType, String clusterUuid) { detach(clusterUuid); }

    /** @param clusterUuid a cluster going away: detaches every primary storage from it */
    void detach(String clusterUuid) {
        List<PrimaryStorageEntity> attached = store.attachedTo(clusterUuid);
        if (store.detachCluster(clusterUuid) > 0) {
            for (PrimaryStorageEntity ps : attached) {
                PrimaryStorageEntity now = store.find(ps.getUuid());
                if (now != null) {
                    events.publish(new ResourceEvent(EventType.UPDATED, PrimaryStorageInventory.RESOURCE_TYPE, ps.getUuid(), now.toInventory(), null, null, null, null));
                }
            }
        }
    }
}
