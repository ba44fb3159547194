package io.kumo.compute.host;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.host.HostInventory;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

import java.util.Map;

/**
 * {@code DELETE /hosts/{uuid}?deleteMode=Permissive|Enforcing}: deletes a host. Permissive refuses while other modules
 * keep resources on it (VMs), naming them; Enforcing deletes those first. Its backend is told to forget it last.
 */
public class DeleteHostOperation extends ExistingHostOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteHost")
            .description("Delete a host")
            .kind(OperationKind.DELETE).resourceType(HostInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the host"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while the host has VMs; Enforcing deletes them too"))
            .rest(RestBinding.delete("/hosts/{uuid}"))
            .build();

    private final DependentResourceService dependents;

    /** Wires the operation. */
    public DeleteHostOperation(HostStore store, HostManager hosts, EventPublisher events, DependentResourceService dependents) {
        super(DESCRIPTOR, store, hosts, events);
        this.dependents = dependents;
    }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        if (!"Enforcing".equals(request.string("deleteMode"))) {
            dependents.requireNoDependents(HostInventory.RESOURCE_TYPE, request.string("uuid"));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                // a cascade cannot be undone: it runs first, so that a failure keeps the host
                .step("delete-dependents", ctx -> {
                    if ("Enforcing".equals(request.string("deleteMode"))) {
                        dependents.deleteDependents(HostInventory.RESOURCE_TYPE, uuid);
                    }
                })
                .step("delete-host", ctx -> {
                    HostEntity h = store.find(uuid);
                    if (h != null) {
                        ctx.put("host", h.snapshot());
                        store.delete(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("host") instanceof Map<?, ?> saved) {
                        store.restore(saved);
                    }
                })
                // the last step, which cannot fail after the backend forgot the host
                .step("disconnect", ctx -> {
                    if (ctx.get("host") instanceof Map<?, ?> saved) {
                        HostEntity h = HostEntity.fromSnapshot(saved);
                        hosts.forget(h, hosts.toInventory(h));
                    }
                })
                .build();
    }
}
