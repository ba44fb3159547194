package io.kumo.compute.network.l2;

import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;

/** {@code PUT /l2-networks/{uuid}/actions {"updateL2Network":{...}}}: renames or redescribes an L2 network. */
public class UpdateL2NetworkOperation extends ExistingL2Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateL2Network")
            .description("Change the name or description of an L2 network")
            .kind(OperationKind.ACTION).resourceType(L2NetworkInventory.RESOURCE_TYPE).inventoryType(INVENTORY)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the L2 network"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .rest(RestBinding.put("/l2-networks/{uuid}/actions", "updateL2Network"))
            .build();

    /** Wires the operation. */
    public UpdateL2NetworkOperation(L2NetworkStore store, L2NetworkManager l2s, NetworkEvents events) {
        super(DESCRIPTOR, "uuid", store, l2s, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("update-l2-network", ctx -> {
                    L2NetworkEntity before = l2s.require(uuid);
                    ctx.put("oldName", before.getName());
                    ctx.put("oldDescription", before.getDescription());
                    store.update(uuid, l2 -> {
                        if (request.has("name")) {
                            l2.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            l2.setDescription(request.string("description"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("oldName") != null) {
                        store.update(uuid, l2 -> {
                            l2.setName(ctx.getString("oldName"));
                            l2.setDescription(ctx.getString("oldDescription"));
                        });
                    }
                })
                .step("announce", ctx -> {
                    L2NetworkInventory inv = l2s.inventory(uuid);
                    ctx.result(OperationResult.inventory(inv));
                    events.publish(EventType.UPDATED, L2NetworkInventory.RESOURCE_TYPE, uuid, inv);
                })
                .build();
    }
}
