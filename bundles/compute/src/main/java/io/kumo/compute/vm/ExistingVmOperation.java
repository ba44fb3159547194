package io.kumo.compute.vm;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.job.Step;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.vm.VmInstanceInventory;

/**
 * What every action on an existing VM shares: serialized on the VM's uuid, refused before any job with a 404 when
 * the VM is absent and a 409 when its state does not allow the action; steps that stop a VM and release its host.
 */
abstract class ExistingVmOperation implements AsyncOperation {
    protected final VmLifecycle vms;
    private final OperationDescriptor descriptor;
    private final String action;

    ExistingVmOperation(OperationDescriptor descriptor, String action, VmLifecycle vms) {
        this.descriptor = descriptor;
        this.action = action;
        this.vms = vms;
    }

    /** @return a descriptor builder for {@code PUT /vm-instances/{uuid}/actions {"<action>":{...}}} */
    static OperationDescriptor.Builder action(String name, String action, String description) {
        return OperationDescriptor.builder(name).description(description)
                .kind(OperationKind.ACTION).resourceType(VmInstanceInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VmInstanceInventory.class)
                .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
                .rest(RestBinding.put("/vm-instances/{uuid}/actions", action));
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }
    @Override public final String serializationKey(OperationRequest request) { return request.string("uuid"); }

    @Override
    public void check(OperationRequest request) {
        VmInstanceEntity vm = vms.require(request.string("uuid"));
        VmStates.require(vm.getUuid(), vm.getState(), action);
    }

    /** @return the first step: the state is checked again and the transient state shown */
    protected Step begin(String uuid, String transientState) { return vms.begin(uuid, action, transientState); }

    /** @return the last step: the final state, an UPDATED event and the inventory as result */
    protected Step settle(String uuid, String state) {
        return Step.of("announce", ctx -> ctx.result(OperationResult.inventory(vms.settle(uuid, state))));
    }

    /** @return a step stopping the VM on its host (if any); rollback starts it again there */
    protected Step stopOnHypervisor(String uuid, boolean force) {
        return Step.of("stop-on-hypervisor", ctx -> {
            String host = vms.require(uuid).getHostUuid();
            if (host != null && vms.hosts().get(host).isPresent()) {
                vms.stopOn(uuid, host, force);
                ctx.put("stoppedOn", host);
            }
        }, ctx -> {
            if (ctx.getString("stoppedOn") != null) {
                vms.startOn(uuid, ctx.getString("stoppedOn"));
            }
        });
    }

    /** @return a step releasing the VM's host capacity; rollback reserves it again and puts the VM back there */
    protected Step releaseHost(String uuid) {
        return Step.of("release-host", ctx -> {
            VmInstanceEntity vm = vms.require(uuid);
            if (vm.getHostUuid() != null) {
                ctx.put("releasedHost", vm.getHostUuid());
                ctx.put("previousLastHost", vm.getLastHostUuid());
                vms.releaseHostOf(uuid);
            }
        }, ctx -> {
            String host = ctx.getString("releasedHost");
            if (host != null) {
                VmInstanceEntity vm = vms.require(uuid);
                vms.placement().reserveOn(host, vm.getCpuNum(), vm.getMemorySize());
                vms.vms().update(uuid, v -> {
                    v.setHostUuid(host);
                    v.setLastHostUuid(ctx.getString("previousLastHost"));
                });
            }
        });
    }
}
