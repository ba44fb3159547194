package io.kumo.compute.cluster;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagService;

import java.util.Map;

/**
 * {@code DELETE /clusters/{uuid}?deleteMode=Permissive|Enforcing}: deletes a cluster. Permissive refuses while it has
 * hosts (or anything another module keeps under it), naming them; Enforcing deletes those first.
 */
public class DeleteClusterOperation extends ExistingClusterOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteCluster")
            .description("Delete a cluster")
            .kind(OperationKind.DELETE).resourceType(ClusterInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the cluster"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while the cluster has hosts or attachments; Enforcing deletes them too"))
            .rest(RestBinding.delete("/clusters/{uuid}"))
            .build();

    private final TagService tags;
    private final DependentResourceService dependents;

    /** Wires the operation. */
    public DeleteClusterOperation(ClusterStore store, ClusterManager clusters, TagService tags, EventPublisher events,
                                  DependentResourceService dependents) {
        super(DESCRIPTOR, store, clusters, events);
        this.tags = tags;
        this.dependents = dependents;
    }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        if (!"Enforcing".equals(request.string("deleteMode"))) {
            dependents.requireNoDependents(ClusterInventory.RESOURCE_TYPE, request.string("uuid"));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                // a cascade cannot be undone: it runs first, so that a failure keeps the cluster
                .step("delete-dependents", ctx -> {
                    if ("Enforcing".equals(request.string("deleteMode"))) {
                        dependents.deleteDependents(ClusterInventory.RESOURCE_TYPE, uuid);
                    }
                })
                .step("delete-cluster", ctx -> {
                    ClusterEntity c = store.find(uuid);
                    if (c != null) {
                        ctx.put("cluster", c.snapshot());
                        store.delete(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("cluster") instanceof Map<?, ?> saved) {
                        store.restore(saved);
                    }
                })
                // the last step, which cannot fail after the tags are gone
                .step("announce", ctx -> {
                    tags.detachAll(uuid);
                    if (ctx.get("cluster") instanceof Map<?, ?> saved) {
                        ClusterInventory inv = ClusterEntity.fromSnapshot(saved).toInventory();
                        events.publish(new ResourceEvent(EventType.DELETED, ClusterInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
                    }
                })
                .build();
    }
}
