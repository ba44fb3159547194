package io.kumo.compute.cluster;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code PUT /clusters/{uuid}/actions {"updateCluster":{...}}}: renames or redescribes a cluster. */
public class UpdateClusterOperation extends ExistingClusterOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateCluster")
            .description("Change the name or description of a cluster")
            .kind(OperationKind.ACTION).resourceType(ClusterInventory.RESOURCE_TYPE).inventoryType(ClusterInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the cluster"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .rest(RestBinding.put("/clusters/{uuid}/actions", "updateCluster"))
            .build();

    /** Wires the operation. */
    public UpdateClusterOperation(ClusterStore store, ClusterManager clusters, EventPublisher events) {
        super(DESCRIPTOR, store, clusters, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("update-cluster", ctx -> {
                    ClusterEntity before = clusters.require(uuid);
                    ctx.put("oldName", before.getName());
                    ctx.put("oldDescription", before.getDescription());
                    store.update(uuid, c -> {
                        if (request.has("name")) {
                            c.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            c.setDescription(request.string("description"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("oldName") != null) {
                        store.update(uuid, c -> {
                            c.setName(ctx.getString("oldName"));
                            c.setDescription(ctx.getString("oldDescription"));
                        });
                    }
                })
                .step("announce", ctx -> {
                    ClusterInventory inv = clusters.require(uuid).toInventory();
                    ctx.result(OperationResult.inventory(inv));
                    events.publish(new ResourceEvent(EventType.UPDATED, ClusterInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
                })
                .build();
    }
}
