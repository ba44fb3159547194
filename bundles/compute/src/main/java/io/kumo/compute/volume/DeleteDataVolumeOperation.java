package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.vm.VolumeInventory;
import io.kumo.compute.vm.VmInstanceEntity;

/**
 * {@code DELETE /volumes/{uuid}}: moves a data volume to the recycle bin (status {@code Deleted}); its data, storage
 * space and snapshots are kept until {@code expungeDataVolume}, and {@code recoverDataVolume} brings it back.
 * {@code deleteMode=Permissive} (default) refuses while the volume is attached; {@code Enforcing} detaches it first
 * (unplugging it from a running VM). Steps: hot-unplug, detach-volume, mark-deleted, announce.
 */
public class DeleteDataVolumeOperation extends ExistingVolumeOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteDataVolume")
            .description("Move a data volume to the recycle bin; Enforcing detaches it from its VM first")
            .kind(OperationKind.DELETE).resourceType(VolumeInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the data volume"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while it is attached; Enforcing detaches it first"))
            .rest(RestBinding.delete("/volumes/{uuid}"))
            .build();

    /** Wires the operation. */
    public DeleteDataVolumeOperation(VolumeManager volumes) { super(DESCRIPTOR, volumes); }

    @Override
    public String serializationKey(OperationRequest request) {
        VolumeEntity v = volumes.volumes().find(request.string("uuid"));
        return v != null && v.getVmInstanceUuid() != null ? v.getVmInstanceUuid() : request.string("uuid");
    }

    @Override
    public void check(OperationRequest request) {
        VolumeEntity v = volumes.requireLiveData(request.string("uuid"));
        if (v.getVmInstanceUuid() != null) {
            if (!"Enforcing".equals(request.string("deleteMode"))) {
                throw new ApiException(ErrorCode.CONFLICT, "volume " + v.getUuid() + " is attached to VM " + v.getVmInstanceUuid()
                        + "; detach it first, or delete with deleteMode=Enforcing to detach it");
            }
            VmInstanceEntity vm = volumes.vm(v.getVmInstanceUuid());
            if (!VolumeManager.ATTACHABLE_VM_STATES.contains(vm.getState())) {
                throw new ApiException(ErrorCode.INVALID_STATE, "volume " + v.getUuid() + " is attached to VM " + vm.getUuid()
                        + ", which is " + vm.getState() + "; a volume is detached from Running or Stopped VMs only");
            }
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(volumes.hotUnplug(uuid))
                .step(volumes.recordDetach(uuid))
                .step("mark-deleted", ctx -> {
                    VolumeEntity v = volumes.requireLiveData(uuid);
                    ctx.put("previousStatus", v.getStatus());
                    volumes.volumes().update(uuid, x -> x.setStatus(VolumeManager.DELETED));
                }, ctx -> {
                    String previous = ctx.getString("previousStatus");
                    if (previous != null) {
                        volumes.volumes().update(uuid, x -> x.setStatus(previous));
                    }
                })
                .step("announce", ctx -> volumes.announce(uuid, EventType.UPDATED))
                .build();
    }
}
