package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.vm.VolumeInventory;
import io.kumo.compute.vm.VmInstanceEntity;
import io.kumo.compute.vm.VmStates;

/**
 * {@code DELETE /volumes/{uuid}/vm-instances?vmUuid=...}: detaches a data volume from its Running or Stopped VM.
 * Steps, each undone on failure: hot-unplug (only while the VM runs), detach-volume, announce. The volume keeps its
 * storage. Serialized on the VM.
 */
public class DetachDataVolumeFromVmOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DetachDataVolumeFromVm")
            .description("Detach a data volume from its Running or Stopped VM; the volume keeps its data")
            .kind(OperationKind.DELETE).resourceType(VolumeInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VolumeInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the data volume"))
            .param(ParameterDescriptor.uuid("vmUuid").describedAs("the VM it is attached to (checked if given)"))
            .rest(RestBinding.delete("/volumes/{uuid}/vm-instances"))
            .build();

    private final VolumeManager volumes;

    /** Wires the operation. */
    public DetachDataVolumeFromVmOperation(VolumeManager volumes) { this.volumes = volumes; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public String serializationKey(OperationRequest request) {
        VolumeEntity v = volumes.volumes().find(request.string("uuid"));
        return v != null && v.getVmInstanceUuid() != null ? v.getVmInstanceUuid() : request.string("uuid");
    }

    @Override
    public void check(OperationRequest request) {
        VolumeEntity v = requireDetachable(request);
        VmInstanceEntity vm = volumes.vm(v.getVmInstanceUuid());
        if (VmStates.RUNNING.equals(vm.getState())) {
            HypervisorBackend hv = volumes.vms().hypervisor(vm.getHostUuid());
            VolumeManager.requireImplemented(hv, "detachVolume", "detaching a volume from a running VM (stop the VM and detach it then)",
                    hv.hypervisorType());
        }
    }

    private VolumeEntity requireDetachable(OperationRequest request) {
        VolumeEntity v = volumes.requireLiveData(request.string("uuid"));
        if (v.getVmInstanceUuid() == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "volume " + v.getUuid() + " is not attached to a VM");
        }
        if (request.has("vmUuid") && !request.string("vmUuid").equals(v.getVmInstanceUuid())) {
            throw ApiException.invalidArgument("volume " + v.getUuid() + " is attached to VM " + v.getVmInstanceUuid()
                    + ", not to VM " + request.string("vmUuid"));
        }
        VmInstanceEntity vm = volumes.vm(v.getVmInstanceUuid());
        if (!VolumeManager.ATTACHABLE_VM_STATES.contains(vm.getState())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "VM " + vm.getUuid() + " is " + vm.getState()
                    + "; volumes are detached from Running or Stopped VMs");
        }
        return v;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("check-state", ctx -> requireDetachable(request))
                .step(volumes.hotUnplug(uuid))
                .step(volumes.recordDetach(uuid))
                .step("announce", ctx -> ctx.result(OperationResult.inventory(volumes.announce(uuid, EventType.UPDATED))))
                .build();
    }
}
