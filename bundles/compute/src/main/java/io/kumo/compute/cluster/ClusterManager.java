package io.kumo.compute.cluster;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.cluster.ClusterService;
import io.kumo.api.error.ApiException;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.tag.TagService;

import java.util.Optional;

/** Clusters for other modules, the cluster resource type for tags and events, and the cascade delete of a cluster. */
public class ClusterManager implements ClusterService, ResourceTypeProvider {
    /** The VO name of clusters in tags. */
    public static final String VO_NAME = "ClusterVO";
    private final ClusterStore store;
    private final TagService tags;
    private final EventPublisher events;
    private final DependentResourceService dependents;

    /** Wires the manager. */
    public ClusterManager(ClusterStore store, TagService tags, EventPublisher events, DependentResourceService dependents) {
        this.store = store;
        this.tags = tags;
        this.events = events;
        this.dependents = dependents;
    }

    @Override
    public Optional<ClusterInventory> get(String uuid) {
        return Optional.ofNullable(store.find(uuid)).map(ClusterEntity::toInventory);
    }

    /** @param uuid a cluster @return it @throws ApiException 404 if absent */
    public ClusterEntity require(String uuid) {
        ClusterEntity c = store.find(uuid);
        if (c == null) {
            throw ApiException.notFound(ClusterInventory.RESOURCE_TYPE, uuid);
        }
        return c;
    }

    /**
     * Deletes a cluster with everything under it (Enforcing delete of its zone): its dependents first, then its
     * tags and row; announces the deletion. Nothing happens if it is already gone.
     *
     * @param uuid the cluster
     * @throws Exception if a dependent could not be deleted (the cluster is then kept)
     */
    public void deleteWithDependents(String uuid) throws Exception {
        dependents.deleteDependents(ClusterInventory.RESOURCE_TYPE, uuid);
        ClusterEntity c = store.find(uuid);
        if (c == null) {
            return;
        }
        ClusterInventory inv = c.toInventory();
        store.delete(uuid);
        tags.detachAll(uuid);
        events.publish(new ResourceEvent(EventType.DELETED, ClusterInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
    }

    @Override public String resourceType() { return ClusterInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
