package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.vm.VolumeInventory;
import io.kumo.compute.vm.VmInstanceEntity;
import io.kumo.compute.vm.VmStates;

/**
 * {@code POST /volumes/{volumeUuid}/vm-instances/{vmInstanceUuid}}: attaches a data volume to a Running or Stopped VM.
 * Steps, each undone on failure: allocate-primary-storage and instantiate-volume (a NotInstantiated volume is created
 * on the primary storage of the VM's root volume), attach-volume (the record, at the next device id), hot-plug (only
 * while the VM runs, through its hypervisor; a stopped VM gets the disk at its next start), announce. Serialized on
 * the VM, like the VM's own actions.
 */
public class AttachDataVolumeToVmOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("AttachDataVolumeToVm")
            .description("Attach a data volume to a Running or Stopped VM, creating it on the VM's primary storage if needed")
            .kind(OperationKind.ACTION).resourceType(VolumeInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VolumeInventory.class)
            .param(ParameterDescriptor.uuid("volumeUuid").mandatory().describedAs("the data volume"))
            .param(ParameterDescriptor.uuid("vmInstanceUuid").mandatory().describedAs("the VM"))
            .rest(RestBinding.post("/volumes/{volumeUuid}/vm-instances/{vmInstanceUuid}"))
            .build();

    private final VolumeManager volumes;

    /** Wires the operation. */
    public AttachDataVolumeToVmOperation(VolumeManager volumes) { this.volumes = volumes; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return request.string("vmInstanceUuid"); }

    @Override
    public void check(OperationRequest request) {
        VolumeEntity v = volumes.requireLiveData(request.string("volumeUuid"));
        VmInstanceEntity vm = volumes.vm(request.string("vmInstanceUuid"));
        requireAttachable(v, vm);
        if (VmStates.RUNNING.equals(vm.getState())) {
            HypervisorBackend hv = volumes.vms().hypervisor(vm.getHostUuid());
            VolumeManager.requireImplemented(hv, "attachVolume", "attaching a volume to a running VM (stop the VM and attach it then)",
                    hv.hypervisorType());
        }
        String target = storageFor(vm);
        if (v.getPrimaryStorageUuid() == null) {
            PrimaryStorageInventory ps = volumes.storage(target);
            if (!volumes.vms().storage().hasRoomFor(ps, v.getSize())) {
                throw new ApiException(ErrorCode.NO_CAPACITY, "primary storage " + target + " of VM " + vm.getUuid() + " has "
                        + ps.availableCapacity() + " bytes available, volume " + v.getUuid() + " needs " + v.getSize()
                        + "; free space there or use a smaller volume");
            }
        }
    }

    /** The checks that the job repeats in its first step (an earlier job may have changed things). */
    private void requireAttachable(VolumeEntity v, VmInstanceEntity vm) {
        if (v.getVmInstanceUuid() != null) {
            throw new ApiException(ErrorCode.CONFLICT, "volume " + v.getUuid() + " is already attached to VM "
                    + v.getVmInstanceUuid() + "; detach it first");
        }
        if (!VolumeManager.ATTACHABLE_VM_STATES.contains(vm.getState())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "VM " + vm.getUuid() + " is " + vm.getState()
                    + "; volumes are attached to Running or Stopped VMs");
        }
        String target = storageFor(vm);
        if (v.getPrimaryStorageUuid() != null && !v.getPrimaryStorageUuid().equals(target)) {
            throw new ApiException(ErrorCode.INVALID_STATE, "volume " + v.getUuid() + " is on primary storage "
                    + v.getPrimaryStorageUuid() + " but VM " + vm.getUuid() + " uses primary storage " + target
                    + "; attach a volume on the VM's storage, or create one without primaryStorageUuid");
        }
    }

    /** @return the primary storage of the VM's root volume */
    private String storageFor(VmInstanceEntity vm) {
        VolumeEntity root = vm.getRootVolumeUuid() == null ? null : volumes.volumes().find(vm.getRootVolumeUuid());
        if (root == null || root.getPrimaryStorageUuid() == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "VM " + vm.getUuid() + " has no root volume on primary storage;"
                    + " a data volume goes where its VM's root volume is");
        }
        return root.getPrimaryStorageUuid();
    }

    private HostConnection hostOf(String vmUuid) {
        VmInstanceEntity vm = volumes.vm(vmUuid);
        String host = vm.getHostUuid() != null ? vm.getHostUuid() : vm.getLastHostUuid();
        return host == null ? null : volumes.vms().hosts().connection(host).orElse(null);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("volumeUuid");
        String vmUuid = request.string("vmInstanceUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("check-state", ctx -> requireAttachable(volumes.requireLiveData(uuid), volumes.vm(vmUuid)))
                .step(volumes.reserveCapacity(uuid, () -> storageFor(volumes.vm(vmUuid))))
                .step(volumes.instantiate(uuid, () -> hostOf(vmUuid)))
                .step("attach-volume", ctx -> {
                    int device = volumes.nextDeviceId(vmUuid);
                    volumes.volumes().update(uuid, v -> {
                        v.setVmInstanceUuid(vmUuid);
                        v.setDeviceId(device);
                    });
                }, ctx -> volumes.volumes().update(uuid, v -> {
                    v.setVmInstanceUuid(null);
                    v.setDeviceId(null);
                }))
                .step("hot-plug", ctx -> {
                    VmInstanceEntity vm = volumes.vm(vmUuid);
                    if (VmStates.RUNNING.equals(vm.getState()) && vm.getHostUuid() != null) {
                        String host = vm.getHostUuid();
                        HypervisorBackend hv = volumes.vms().hypervisor(host);
                        VolumeManager.call(hv.hypervisorType(), () -> {
                            hv.attachVolume(volumes.vms().connection(host), volumes.vms().spec(vmUuid, host),
                                    volumes.disk(volumes.require(uuid)));
                            return null;
                        });
                        ctx.put("pluggedOn", host);
                    }
                }, ctx -> {
                    String host = ctx.getString("pluggedOn");
                    if (host != null) {
                        volumes.vms().hypervisor(host).detachVolume(volumes.vms().connection(host),
                                volumes.vms().spec(vmUuid, host), volumes.disk(volumes.require(uuid)));
                    }
                })
                .step("announce", ctx -> ctx.result(OperationResult.inventory(volumes.announce(uuid, EventType.UPDATED))))
                .build();
    }
}
