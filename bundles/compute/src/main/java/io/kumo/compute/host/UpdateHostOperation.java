package io.kumo.compute.host;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.host.HostInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code PUT /hosts/{uuid}/actions {"updateHost":{...}}}: changes a host's name, description or management address. */
public class UpdateHostOperation extends ExistingHostOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateHost")
            .description("Change the name, description or management address of a host")
            .kind(OperationKind.ACTION).resourceType(HostInventory.RESOURCE_TYPE).inventoryType(HostInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the host"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .param(ParameterDescriptor.string("managementIp").range(1, 253).describedAs("new management address; unique among hosts"))
            .rest(RestBinding.put("/hosts/{uuid}/actions", "updateHost"))
            .build();

    /** Wires the operation. */
    public UpdateHostOperation(HostStore store, HostManager hosts, EventPublisher events) {
        super(DESCRIPTOR, store, hosts, events);
    }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        if (request.has("managementIp")) {
            String ip = HostAddresses.requireValid(request.string("managementIp"));
            String other = store.hostWithManagementIp(ip);
            if (other != null && !other.equals(request.string("uuid"))) {
                throw new ApiException(ErrorCode.CONFLICT, "host " + other + " already has managementIp " + ip);
            }
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("update-host", ctx -> {
                    HostEntity before = hosts.require(uuid);
                    ctx.put("oldName", before.getName());
                    ctx.put("oldDescription", before.getDescription());
                    ctx.put("oldManagementIp", before.getManagementIp());
                    store.update(uuid, h -> {
                        if (request.has("name")) {
                            h.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            h.setDescription(request.string("description"));
                        }
                        if (request.has("managementIp")) {
                            h.setManagementIp(request.string("managementIp"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("oldName") != null) {
                        store.update(uuid, h -> {
                            h.setName(ctx.getString("oldName"));
                            h.setDescription(ctx.getString("oldDescription"));
                            h.setManagementIp(ctx.getString("oldManagementIp"));
                        });
                    }
                })
                .step("announce", ctx -> {
                    ctx.result(OperationResult.inventory(hosts.toInventory(hosts.require(uuid))));
                    hosts.announce(uuid);
                })
                .build();
    }
}
