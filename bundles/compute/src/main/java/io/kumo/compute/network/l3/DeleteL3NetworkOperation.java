package io.kumo.compute.network.l3;

import io.kumo.api.event.EventType;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.job.Flow;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.tag.TagService;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.Snapshots;
import io.kumo.compute.network.TagSnapshots;
import io.kumo.compute.network.ipam.IpAllocator;
import io.kumo.compute.network.ipam.UsedIpEntity;
import io.kumo.compute.network.ipam.UsedIpStore;

import java.util.List;
import java.util.Map;

/**
 * {@code DELETE /l3-networks/{uuid}?deleteMode=Permissive|Enforcing}: deletes an L3 network with its IP ranges,
 * reserved ranges, DNS servers and used addresses. Permissive refuses while other modules keep resources on it (the VM
 * module's NICs), naming them; Enforcing deletes those first.
 */
public class DeleteL3NetworkOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteL3Network")
            .description("Delete an L3 network")
            .kind(OperationKind.DELETE).resourceType(L3NetworkInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the L3 network"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while NICs use it; Enforcing deletes them too"))
            .rest(RestBinding.delete("/l3-networks/{uuid}"))
            .build();

    private final UsedIpStore used;
    private final IpAllocator allocator;
    private final TagService tags;
    private final DependentResourceService dependents;

    /** Wires the operation. */
    public DeleteL3NetworkOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events, UsedIpStore used,
                                    IpAllocator allocator, TagService tags, DependentResourceService dependents) {
        super(DESCRIPTOR, "uuid", store, l3s, events);
        this.used = used;
        this.allocator = allocator;
        this.tags = tags;
        this.dependents = dependents;
    }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        if (!"Enforcing".equals(request.string("deleteMode"))) {
            dependents.requireNoDependents(L3NetworkInventory.RESOURCE_TYPE, l3UuidOf(request));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = l3UuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                // a cascade cannot be undone: it runs first, so that a failure keeps the network
                .step("delete-dependents", ctx -> {
                    if ("Enforcing".equals(request.string("deleteMode"))) {
                        dependents.deleteDependents(L3NetworkInventory.RESOURCE_TYPE, uuid);
                    }
                })
                .step("detach-tags", ctx -> TagSnapshots.detach(tags, uuid, ctx),
                        ctx -> TagSnapshots.reattach(tags, L3NetworkManager.VO_NAME, uuid, ctx))
                .step("delete-l3-network", ctx -> {
                    L3NetworkEntity l3 = store.find(uuid);
                    if (l3 != null) {
                        List<UsedIpEntity> usedIps = used.inL3(uuid);
                        ctx.put("inventory", Snapshots.of(l3.toInventory()));
                        ctx.put("l3", Snapshots.of(l3));
                        ctx.put("ranges", Snapshots.ofAll(l3.ipRanges()));
                        ctx.put("reserved", Snapshots.ofAll(store.reservedOf(uuid)));
                        ctx.put("dns", Snapshots.ofAll(l3.dnsRows()));
                        ctx.put("usedIps", Snapshots.ofAll(usedIps));
                        used.deleteAll(usedIps.stream().map(UsedIpEntity::getUuid).toList());
                        store.delete(uuid);
                        allocator.forget(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("l3") instanceof Map<?, ?> saved) {
                        store.restore(Snapshots.restore(saved, L3NetworkEntity.class),
                                Snapshots.restoreAll(ctx.get("ranges"), IpRangeEntity.class),
                                Snapshots.restoreAll(ctx.get("reserved"), ReservedIpRangeEntity.class),
                                Snapshots.restoreAll(ctx.get("dns"), L3DnsEntity.class));
                        used.restore(Snapshots.restoreAll(ctx.get("usedIps"), UsedIpEntity.class));
                        allocator.forget(uuid);
                    }
                })
                .step("announce", ctx -> {
                    if (ctx.get("inventory") != null) {
                        events.publish(EventType.DELETED, L3NetworkInventory.RESOURCE_TYPE, uuid, ctx.get("inventory"));
                    }
                })
                .build();
    }
}
