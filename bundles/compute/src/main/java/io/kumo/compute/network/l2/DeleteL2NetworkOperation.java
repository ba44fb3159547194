package io.kumo.compute.network.l2;

import io.kumo.api.event.EventType;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.job.Flow;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagService;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.Snapshots;
import io.kumo.compute.network.TagSnapshots;

import java.util.Map;

/**
 * {@code DELETE /l2-networks/{uuid}?deleteMode=Permissive|Enforcing}: deletes an L2 network with its cluster
 * attachments and VNI ranges. Permissive refuses while L3 networks (or, for a pool, VXLAN networks) use it, naming
 * them; Enforcing deletes them first.
 */
public class DeleteL2NetworkOperation extends ExistingL2Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteL2Network")
            .description("Delete an L2 network")
            .kind(OperationKind.DELETE).resourceType(L2NetworkInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the L2 network"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while L3 networks use it; Enforcing deletes them too"))
            .rest(RestBinding.delete("/l2-networks/{uuid}"))
            .build();

    private final TagService tags;
    private final DependentResourceService dependents;

    /** Wires the operation. */
    public DeleteL2NetworkOperation(L2NetworkStore store, L2NetworkManager l2s, NetworkEvents events, TagService tags,
                                    DependentResourceService dependents) {
        super(DESCRIPTOR, "uuid", store, l2s, events);
        this.tags = tags;
        this.dependents = dependents;
    }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        if (!"Enforcing".equals(request.string("deleteMode"))) {
            dependents.requireNoDependents(L2NetworkInventory.RESOURCE_TYPE, uuidOf(request));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                // a cascade cannot be undone: it runs first, so that a failure keeps the network
                .step("delete-dependents", ctx -> {
                    if ("Enforcing".equals(request.string("deleteMode"))) {
                        dependents.deleteDependents(L2NetworkInventory.RESOURCE_TYPE, uuid);
                    }
                })
                .step("detach-tags", ctx -> TagSnapshots.detach(tags, uuid, ctx),
                        ctx -> TagSnapshots.reattach(tags, L2NetworkManager.VO_NAME, uuid, ctx))
                .step("delete-l2-network", ctx -> {
                    L2NetworkEntity l2 = store.find(uuid);
                    if (l2 != null) {
                        ctx.put("inventory", Snapshots.of(l2s.inventory(l2)));
                        ctx.put("l2", Snapshots.of(l2));
                        ctx.put("refs", Snapshots.ofAll(store.refsOf(uuid)));
                        ctx.put("vniRanges", Snapshots.ofAll(store.vniRangesOf(uuid)));
                        store.delete(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("l2") instanceof Map<?, ?> saved) {
                        store.restore(Snapshots.restore(saved, L2NetworkEntity.class),
                                Snapshots.restoreAll(ctx.get("refs"), L2ClusterRefEntity.class),
                                Snapshots.restoreAll(ctx.get("vniRanges"), VniRangeEntity.class));
                    }
                })
                .step("announce", ctx -> {
                    if (ctx.get("inventory") != null) {
                        events.publish(EventType.DELETED, L2NetworkInventory.RESOURCE_TYPE, uuid, ctx.get("inventory"));
                    }
                })
                .build();
    }
}
