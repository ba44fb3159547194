package io.kumo.compute.host;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.host.HostInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.backend.Backends;

import java.util.Map;

/** {@code PUT /hosts/{uuid}/actions {"reconnectHost":{}}}: connects a host again and refreshes its facts. */
public class ReconnectHostOperation extends ExistingHostOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ReconnectHost")
            .description("Connect a host again through its hypervisor backend and refresh its CPUs, memory and architecture")
            .kind(OperationKind.ACTION).resourceType(HostInventory.RESOURCE_TYPE).inventoryType(HostInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the host"))
            .rest(RestBinding.put("/hosts/{uuid}/actions", "reconnectHost"))
            .build();

    private final Backends backends;

    /** Wires the operation. */
    public ReconnectHostOperation(HostStore store, HostManager hosts, Backends backends, EventPublisher events) {
        super(DESCRIPTOR, store, hosts, events);
        this.backends = backends;
    }

    @Override
    public void check(OperationRequest request) {
        backends.hypervisors().require(hosts.require(request.string("uuid")).getHypervisorType());
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("connect", ctx -> {
                    ctx.put("host", hosts.require(uuid).snapshot());
                    hosts.connect(uuid);
                }, ctx -> {
                    if (ctx.get("host") instanceof Map<?, ?> saved) {
                        HostEntity before = HostEntity.fromSnapshot(saved);
                        store.update(uuid, h -> {
                            h.setCpuNum(before.getCpuNum());
                            h.setCpuSockets(before.getCpuSockets());
                            h.setMemory(before.getMemory());
                            hosts.offerCapacity(h);
                            h.setArchitecture(before.getArchitecture());
                            h.setStatus(before.getStatus());
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
