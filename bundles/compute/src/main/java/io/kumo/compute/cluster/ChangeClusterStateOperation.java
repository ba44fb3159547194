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

/** {@code PUT /clusters/{uuid}/actions {"changeClusterState":{"stateEvent":"enable|disable"}}}. */
public class ChangeClusterStateOperation extends ExistingClusterOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeClusterState")
            .description("Enable or disable a cluster; a disabled cluster takes no new VMs")
            .kind(OperationKind.ACTION).resourceType(ClusterInventory.RESOURCE_TYPE).inventoryType(ClusterInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the cluster"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable").describedAs("enable or disable"))
            .rest(RestBinding.put("/clusters/{uuid}/actions", "changeClusterState"))
            .build();

    /** Wires the operation. */
    public ChangeClusterStateOperation(ClusterStore store, ClusterManager clusters, EventPublisher events) {
        super(DESCRIPTOR, store, clusters, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        String newState = "enable".equals(request.string("stateEvent")) ? "Enabled" : "Disabled";
        return Flow.named(DESCRIPTOR.name())
                .step("change-state", ctx -> {
                    ctx.put("oldState", clusters.require(uuid).getState());
                    store.update(uuid, c -> c.setState(newState));
                }, ctx -> {
                    if (ctx.get("oldState") != null) {
                        store.update(uuid, c -> c.setState(ctx.getString("oldState")));
                    }
                })
                .step("announce", ctx -> {
                    ClusterInventory inv = clusters.require(uuid).toInventory();
                    ctx.result(OperationResult.inventory(inv));
                    String old = ctx.getString("oldState");
                    if (!newState.equals(old)) {
                        events.publish(new ResourceEvent(EventType.STATE_CHANGED, ClusterInventory.RESOURCE_TYPE, uuid, inv, old, newState, null, null));
                    }
                })
                .build();
    }
}
