package io.kumo.compute.network.l3;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.Snapshots;
import io.kumo.compute.network.ipam.IpAllocator;
import io.kumo.compute.network.ipam.UsedIpEntity;
import io.kumo.compute.network.ipam.UsedIpStore;

import java.util.List;
import java.util.Map;

/**
 * {@code DELETE /l3-networks/ip-ranges/{uuid}?deleteMode=Permissive|Enforcing}: removes an IP range. Permissive
 * refuses while addresses of the range are used; Enforcing releases them with it.
 */
public class DeleteIpRangeOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteIpRange")
            .description("Delete an IP range of an L3 network")
            .kind(OperationKind.DELETE).resourceType(NetworkEvents.IP_RANGE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the IP range"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while addresses of the range are used; Enforcing releases them"))
            .rest(RestBinding.delete("/l3-networks/ip-ranges/{uuid}"))
            .build();

    private final UsedIpStore used;
    private final IpAllocator allocator;

    /** Wires the operation. */
    public DeleteIpRangeOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events, UsedIpStore used, IpAllocator allocator) {
        super(DESCRIPTOR, "uuid", store, l3s, events);
        this.used = used;
        this.allocator = allocator;
    }

    @Override
    protected String l3UuidOf(OperationRequest request) {
        IpRangeEntity r = store.findRange(request.string("uuid"));
        return r == null ? null : r.getL3NetworkUuid();
    }

    @Override
    public String serializationKey(OperationRequest request) {
        String l3 = l3UuidOf(request);
        return l3 == null ? request.string("uuid") : l3;
    }

    @Override
    public void check(OperationRequest request) {
        IpRangeEntity r = store.findRange(request.string("uuid"));
        if (r == null) {
            throw ApiException.notFound(NetworkEvents.IP_RANGE, request.string("uuid"));
        }
        long n = used.countInRange(r.getUuid());
        if (n > 0 && !"Enforcing".equals(request.string("deleteMode"))) {
            throw new ApiException(ErrorCode.CONFLICT, n + " address(es) of " + r.describe()
                    + " are used (e.g. by VM NICs); release them first, or delete with deleteMode=Enforcing");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("delete-ip-range", ctx -> {
                    IpRangeEntity r = store.findRange(uuid);
                    if (r != null) {
                        List<UsedIpEntity> usedIps = used.inRange(uuid);
                        ctx.put("l3NetworkUuid", r.getL3NetworkUuid());
                        ctx.put("range", Snapshots.of(r));
                        ctx.put("usedIps", Snapshots.ofAll(usedIps));
                        used.deleteAll(usedIps.stream().map(UsedIpEntity::getUuid).toList());
                        store.deleteRange(uuid);
                        allocator.forget(r.getL3NetworkUuid());
                    }
                }, ctx -> {
                    if (ctx.get("range") instanceof Map<?, ?> saved) {
                        store.restore(null, List.of(Snapshots.restore(saved, IpRangeEntity.class)), List.of(), List.of());
                        used.restore(Snapshots.restoreAll(ctx.get("usedIps"), UsedIpEntity.class));
                        allocator.forget(ctx.getString("l3NetworkUuid"));
                    }
                })
                .step("announce", ctx -> {
                    if (ctx.get("range") instanceof Map<?, ?> saved) {
                        events.publish(EventType.DELETED, NetworkEvents.IP_RANGE, uuid,
                                Snapshots.restore(saved, IpRangeEntity.class).toInventory());
                        announceUpdated(ctx.getString("l3NetworkUuid"), ctx);
                    }
                    ctx.result(io.kumo.api.operation.OperationResult.empty());
                })
                .build();
    }
}
