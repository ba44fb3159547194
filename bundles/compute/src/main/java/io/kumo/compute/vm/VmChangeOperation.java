package io.kumo.compute.vm;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Step;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.vm.VmInstanceInventory;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the operations changing a VM's devices and settings share (NICs, ISO, boot order, console password): a job
 * serialized on the VM's uuid, the VM's state checked before the job and again in its first step, a live change on the
 * hypervisor while the VM runs, and an UPDATED event with the VM's inventory as result.
 */
abstract class VmChangeOperation implements AsyncOperation {
    /** States in which a VM runs on a host, so that changes are made live. */
    static final Set<String> LIVE = Set.of(VmStates.RUNNING, VmStates.PAUSED);
    /** States in which devices and settings may change. */
    static final Set<String> CHANGEABLE = Set.of(VmStates.RUNNING, VmStates.PAUSED, VmStates.STOPPED);

    protected final VmLifecycle vms;
    private final OperationDescriptor descriptor;

    VmChangeOperation(OperationDescriptor descriptor, VmLifecycle vms) {
        this.descriptor = descriptor;
        this.vms = vms;
    }

    /** @return a descriptor builder for an action on a VM */
    static OperationDescriptor.Builder vmAction(String name, String description) {
        return OperationDescriptor.builder(name).description(description).kind(OperationKind.ACTION)
                .resourceType(VmInstanceInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VmInstanceInventory.class);
    }

    @Override public final OperationDescriptor descriptor() { return descriptor; }

    /** @param request the request @return the VM it changes */
    protected abstract String vmUuid(OperationRequest request);

    @Override public String serializationKey(OperationRequest request) { return vmUuid(request); }

    @Override
    public void check(OperationRequest request) {
        requireState(vms.require(vmUuid(request)), CHANGEABLE);
    }

    /** @throws ApiException 409 unless the VM is in one of the states */
    void requireState(VmInstanceEntity vm, Set<String> states) {
        if (!states.contains(vm.getState())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "VM " + vm.getUuid() + " is " + vm.getState() + "; "
                    + descriptor.name() + " is allowed only when it is " + String.join(" or ", new TreeSet<>(states))
                    + (VmStates.DESTROYED.equals(vm.getState()) ? " (recover it first with recoverVmInstance)" : ""));
        }
    }

    /** @return a first step checking the state again (an earlier job on the VM may have changed it) */
    protected Step recheck(String uuid) {
        return Step.of("check-state", ctx -> {
            VmInstanceEntity vm = vms.require(uuid);
            requireState(vm, CHANGEABLE);
            ctx.put("live", LIVE.contains(vm.getState()) && vm.getHostUuid() != null);
            ctx.put("hostUuid", vm.getHostUuid());
        });
    }

    /** @return the last step: an UPDATED event and the VM's inventory as result */
    protected Step announce(String uuid) {
        return Step.of("announce", ctx -> ctx.result(OperationResult.inventory(vms.announce(uuid))));
    }

    /** @param ctx a step context after {@link #recheck} @return true if the change must be made on the hypervisor */
    static boolean live(io.kumo.api.job.StepContext ctx) { return Boolean.TRUE.equals(ctx.get("live")); }
}
