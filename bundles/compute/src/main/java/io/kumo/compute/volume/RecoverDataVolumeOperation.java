package io.kumo.compute.volume;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.compute.quota.ComputeQuotas;

import java.util.Map;

/** {@code PUT /volumes/{uuid}/actions {"recoverDataVolume":{}}}: takes a data volume out of the recycle bin, detached. */
public class RecoverDataVolumeOperation extends ExistingVolumeOperation {
    private static final OperationDescriptor DESCRIPTOR = action("RecoverDataVolume", "/volumes/{uuid}/actions",
            "recoverDataVolume", "Take a deleted data volume out of the recycle bin").build();

    /** Wires the operation. */
    public RecoverDataVolumeOperation(VolumeManager volumes) { super(DESCRIPTOR, volumes); }

    @Override
    public void check(OperationRequest request) {
        VolumeEntity v = requireDeleted(volumes, request.string("uuid"));
        // out of the recycle bin, the volume counts again
        volumes.vms().quotas().checkFor(v.getUuid(), request, Map.of(ComputeQuotas.VOLUME_DATA_NUM, 1L,
                ComputeQuotas.VOLUME_CAPACITY, v.getSize()));
    }

    /** @throws ApiException 409 unless the volume is in the recycle bin */
    static VolumeEntity requireDeleted(VolumeManager volumes, String uuid) {
        VolumeEntity v = volumes.require(uuid);
        if (!VolumeManager.DELETED.equals(v.getStatus())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "volume " + uuid + " is " + v.getStatus()
                    + ", not Deleted; only a volume in the recycle bin (DeleteDataVolume) can be recovered or expunged");
        }
        return v;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step("recover", ctx -> {
                    VolumeEntity v = requireDeleted(volumes, uuid);
                    String status = v.getInstallPath() != null ? VolumeManager.READY : VolumeManager.NOT_INSTANTIATED;
                    volumes.volumes().update(uuid, x -> x.setStatus(status));
                }, ctx -> volumes.volumes().update(uuid, x -> x.setStatus(VolumeManager.DELETED)))
                .step(announce(uuid))
                .build();
    }
}
