package io.kumo.compute.network.l3;

import io.kumo.api.job.Flow;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.network.NetworkEvents;
import io.kumo.compute.network.Snapshots;

import java.util.Map;

/** {@code PUT /l3-networks/{uuid}/actions {"updateL3Network":{...}}}: changes name, description, system, DNS domain or category. */
public class UpdateL3NetworkOperation extends ExistingL3Operation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateL3Network")
            .description("Change the name, description, system flag, DNS domain or category of an L3 network")
            .kind(OperationKind.ACTION).resourceType(L3NetworkInventory.RESOURCE_TYPE).inventoryType(L3NetworkInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the L3 network"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .param(ParameterDescriptor.bool("system").describedAs("new system flag"))
            .param(ParameterDescriptor.string("dnsDomain").maxLength(255).describedAs("new DNS domain"))
            .param(ParameterDescriptor.string("category").oneOf("Private", "Public", "System").describedAs("new category"))
            .rest(RestBinding.put("/l3-networks/{uuid}/actions", "updateL3Network"))
            .build();

    /** Wires the operation. */
    public UpdateL3NetworkOperation(L3NetworkStore store, L3NetworkManager l3s, NetworkEvents events) {
        super(DESCRIPTOR, "uuid", store, l3s, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = l3UuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("update-l3-network", ctx -> {
                    ctx.put("before", Snapshots.of(l3s.require(uuid)));
                    store.update(uuid, l3 -> {
                        if (request.has("name")) {
                            l3.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            l3.setDescription(request.string("description"));
                        }
                        if (request.has("system")) {
                            l3.setSystem(request.bool("system"));
                        }
                        if (request.has("dnsDomain")) {
                            l3.setDnsDomain(request.string("dnsDomain"));
                        }
                        if (request.has("category")) {
                            l3.setCategory(request.string("category"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("before") instanceof Map<?, ?> saved) {
                        L3NetworkEntity b = Snapshots.restore(saved, L3NetworkEntity.class);
                        store.update(uuid, l3 -> {
                            l3.setName(b.getName());
                            l3.setDescription(b.getDescription());
                            l3.setSystem(b.isSystem());
                            l3.setDnsDomain(b.getDnsDomain());
                            l3.setCategory(b.getCategory());
                        });
                    }
                })
                .step("announce", ctx -> announceUpdated(uuid, ctx))
                .build();
    }
}
