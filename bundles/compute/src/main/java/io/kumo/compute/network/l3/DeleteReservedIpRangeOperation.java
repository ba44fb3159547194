package io.kumo.compute.network.l3;

import io.kumo.api.error.ApiException;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.network.ReservedIpRangeInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.Snapshots;

import java.util.List;
import java.util.Map;

/** {@code DELETE /l3-networks/reserved-ip-ranges/{uuid}}: its addresses can be handed out again. */
public class DeleteReservedIpRangeOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteReservedIpRange")
            .description("Delete a reserved IP range; its addresses can be handed out again")
            .kind(OperationKind.DELETE).resourceType(ReservedIpRangeInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the reserved IP range"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("accepted for compatibility; both modes delete"))
            .rest(RestBinding.delete("/l3-networks/reserved-ip-ranges/{uuid}"))
            .build();

    /** Wires the operation. */
    public DeleteReservedIpRangeOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(DESCRIPTOR, "uuid", store, l3s, events);
    }

    @Override
    protected String l3UuidOf(OperationRequest request) {
        ReservedIpRangeEntity r = store.findReserved(request.string("uuid"));
        return r == null ? request.string("uuid") : r.getL3NetworkUuid();
    }

    @Override
    public void check(OperationRequest request) {
        if (store.findReserved(request.string("uuid")) == null) {
            throw ApiException.notFound(ReservedIpRangeInventory.RESOURCE_TYPE, request.string("uuid"));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("delete-reserved-ip-range", ctx -> {
                    ReservedIpRangeEntity r = store.findReserved(uuid);
                    if (r != null) {
                        ctx.put("reserved", Snapshots.of(r));
                        store.deleteReserved(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("reserved") instanceof Map<?, ?> saved) {
                        store.restore(null, List.of(), List.of(Snapshots.restore(saved, ReservedIpRangeEntity.class)), List.of());
                    }
                })
                .step("announce", ctx -> {
                    if (ctx.get("reserved") instanceof Map<?, ?> saved) {
                        events.publish(EventType.DELETED, ReservedIpRangeInventory.RESOURCE_TYPE, uuid,
                                Snapshots.restore(saved, ReservedIpRangeEntity.class).toInventory());
                    }
                })
                .build();
    }
}
