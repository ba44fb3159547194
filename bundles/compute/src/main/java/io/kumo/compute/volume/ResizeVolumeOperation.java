package io.kumo.compute.volume;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.VolumeInstantiation;
import io.kumo.compute.quota.ComputeQuotas;

import java.util.Map;

/**
 * What {@code ResizeRootVolume} and {@code ResizeDataVolume} share: a volume only grows; the extra bytes are reserved
 * on its primary storage before the backend grows it. Steps: allocate-primary-storage (released on failure),
 * resize-on-storage (growing a volume cannot be undone), update-volume, announce. A data volume not yet on storage
 * just takes the new size.
 */
abstract class ResizeVolumeOperation extends ExistingVolumeOperation {
    private final String type;

    ResizeVolumeOperation(OperationDescriptor descriptor, VolumeManager volumes, String type) {
        super(descriptor, volumes);
        this.type = type;
    }

    /** @return the descriptor builder: {@code PUT path {"action":{"size":...}}} */
    static OperationDescriptor.Builder resize(String name, String path, String action, String what) {
        return action(name, path, action, "Grow " + what + " to a larger size in bytes")
                .param(ParameterDescriptor.longParam("size").mandatory().range(1, Long.MAX_VALUE)
                        .describedAs("the new size in bytes, larger than the current one"));
    }

    @Override
    public void check(OperationRequest request) {
        VolumeEntity v = requireResizable(request);
        volumes.vms().quotas().checkFor(v.getUuid(), request,
                Map.of(ComputeQuotas.VOLUME_CAPACITY, request.longValue("size") - v.getSize()));
        if (v.getInstallPath() != null) {
            PrimaryStorageInventory ps = volumes.storage(v.getPrimaryStorageUuid());
            PrimaryStorageBackend backend = volumes.backend(ps);
            VolumeManager.requireImplemented(backend, "resizeVolume", "resizing volumes", ps.type());
            long extra = request.longValue("size") - v.getSize();
            if (!volumes.vms().storage().hasRoomFor(ps, extra)) {
                throw new ApiException(ErrorCode.NO_CAPACITY, "primary storage " + ps.uuid() + " has " + ps.availableCapacity()
                        + " bytes available; growing volume " + v.getUuid() + " needs " + extra + " more; free space there");
            }
        }
    }

    private VolumeEntity requireResizable(OperationRequest request) {
        VolumeEntity v = volumes.require(request.string("uuid"));
        if (!type.equals(v.getType())) {
            throw ApiException.invalidArgument("volume " + v.getUuid() + " is a " + v.getType() + " volume; use "
                    + (VolumeEntity.ROOT.equals(v.getType()) ? "ResizeRootVolume" : "ResizeDataVolume"));
        }
        VolumeManager.requireNotDeleted(v);
        long size = request.longValue("size");
        if (size <= v.getSize()) {
            throw ApiException.invalidArgument("volume " + v.getUuid() + " is " + v.getSize() + " bytes; volumes only grow:"
                    + " give a size larger than that, not " + size);
        }
        return v;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        long size = request.longValue("size");
        return Flow.named(descriptor().name())
                .step("allocate-primary-storage", ctx -> {
                    VolumeEntity v = requireResizable(request);
                    ctx.put("previousSize", v.getSize());
                    if (v.getPrimaryStorageUuid() != null) {
                        long extra = size - v.getSize();
                        if (!volumes.vms().storage().reserveCapacity(v.getPrimaryStorageUuid(), extra)) {
                            throw new ApiException(ErrorCode.NO_CAPACITY, "primary storage " + v.getPrimaryStorageUuid()
                                    + " lacks " + extra + " bytes to grow volume " + uuid + "; free space there");
                        }
                        ctx.put("reservedOn", v.getPrimaryStorageUuid());
                        ctx.put("reservedBytes", extra);
                    }
                }, ctx -> {
                    if (ctx.getString("reservedOn") != null) {
                        volumes.vms().storage().releaseCapacity(ctx.getString("reservedOn"), ((Number) ctx.get("reservedBytes")).longValue());
                    }
                })
                .step("resize-on-storage", ctx -> {
                    VolumeEntity v = volumes.require(uuid);
                    if (v.getInstallPath() != null) {
                        PrimaryStorageInventory ps = volumes.storage(v.getPrimaryStorageUuid());
                        VolumeInstantiation grown = VolumeManager.call(ps.type(), () -> volumes.backend(ps)
                                .resizeVolume(ps, volumes.hostOf(v), v.getInstallPath(), size));
                        ctx.put("actualSize", grown.actualSize());
                    }
                })
                .step("update-volume", ctx -> volumes.volumes().update(uuid, v -> {
                    v.setSize(size);
                    if (ctx.get("actualSize") != null) {
                        v.setActualSize(((Number) ctx.get("actualSize")).longValue());
                    }
                }), ctx -> volumes.volumes().update(uuid, v -> v.setSize(((Number) ctx.get("previousSize")).longValue())))
                .step(announce(uuid))
                .build();
    }
}
