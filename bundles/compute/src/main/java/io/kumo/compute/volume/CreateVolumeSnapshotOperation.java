package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.SnapshotInstantiation;
import io.kumo.api.tag.TagType;

import java.sql.Timestamp;

/**
 * {@code POST /volumes/{volumeUuid}/volume-snapshots}: takes a snapshot of a volume on its primary storage. Only of a
 * volume no running VM writes to (409 otherwise: stop the VM first). Steps: persist-snapshot, create-on-storage (the
 * new snapshot becomes the latest of its volume), announce; each undone on failure. Serialized on the volume.
 */
public class CreateVolumeSnapshotOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateVolumeSnapshot")
            .description("Take a snapshot of a volume that no running VM writes to")
            .kind(OperationKind.CREATE).resourceType(VolumeSnapshotInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .inventoryType(VolumeSnapshotInventory.class)
            .param(ParameterDescriptor.uuid("volumeUuid").mandatory().describedAs("the volume"))
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("snapshot name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the snapshot instead of a generated one"))
            .rest(RestBinding.post("/volumes/{volumeUuid}/volume-snapshots"))
            .build();

    private final VolumeManager volumes;

    /** Wires the operation. */
    public CreateVolumeSnapshotOperation(VolumeManager volumes) { this.volumes = volumes; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return request.string("volumeUuid"); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        if (volumes.snapshots().find(uuidOf(request)) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "a volume snapshot with uuid " + uuidOf(request)
                    + " already exists; omit resourceUuid to get a new one");
        }
        VolumeEntity v = requireSnapshottable(volumes, request.string("volumeUuid"), "take a snapshot");
        PrimaryStorageInventory ps = volumes.storage(v.getPrimaryStorageUuid());
        VolumeManager.requireImplemented(volumes.backend(ps), "createSnapshot", "volume snapshots", ps.type());
    }

    /** @return the volume, on storage, not deleted, no running VM writing to it @throws ApiException 404, 409 */
    static VolumeEntity requireSnapshottable(VolumeManager volumes, String volumeUuid, String what) {
        VolumeEntity v = volumes.require(volumeUuid);
        VolumeManager.requireNotDeleted(v);
        if (v.getInstallPath() == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "volume " + volumeUuid + " is " + v.getStatus()
                    + " and has no data on storage yet; attach it to a VM first");
        }
        volumes.requireNoRunningWriter(v, what);
        return v;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String volumeUuid = request.string("volumeUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("persist-snapshot", ctx -> {
                    VolumeEntity v = requireSnapshottable(volumes, volumeUuid, "take a snapshot");
                    Timestamp now = new Timestamp(System.currentTimeMillis());
                    VolumeSnapshotEntity s = new VolumeSnapshotEntity();
                    s.setUuid(uuid);
                    s.setName(request.string("name"));
                    s.setDescription(request.string("description"));
                    s.setType("Storage");
                    s.setVolumeUuid(volumeUuid);
                    s.setTreeUuid(volumeUuid);
                    s.setPrimaryStorageUuid(v.getPrimaryStorageUuid());
                    s.setVolumeType(v.getType());
                    s.setFormat(v.getFormat());
                    s.setState("Enabled");
                    s.setStatus("Creating");
                    s.setCreateDate(now);
                    s.setLastOpDate(now);
                    volumes.snapshots().create(s);
                    volumes.vms().tags().attach(VolumeSnapshotResourceType.VO_NAME, uuid, request.systemTags(), TagType.System);
                    volumes.vms().tags().attach(VolumeSnapshotResourceType.VO_NAME, uuid, request.userTags(), TagType.User);
                }, ctx -> {
                    volumes.vms().tags().detachAll(uuid);
                    volumes.snapshots().delete(uuid);
                })
                .step("create-on-storage", ctx -> {
                    VolumeEntity v = volumes.require(volumeUuid);
                    PrimaryStorageInventory ps = volumes.storage(v.getPrimaryStorageUuid());
                    SnapshotInstantiation made = VolumeManager.call(ps.type(), () -> volumes.backend(ps)
                            .createSnapshot(ps, volumes.hostOf(v), v.getInstallPath(), uuid));
                    ctx.put("installPath", made.installPath());
                    VolumeSnapshotEntity previous = volumes.snapshots().latest(volumeUuid);
                    if (previous != null) {
                        ctx.put("previousLatest", previous.getUuid());
                        volumes.snapshots().update(previous.getUuid(), p -> p.setLatest(false));
                    }
                    volumes.snapshots().update(uuid, s -> {
                        s.setPrimaryStorageInstallPath(made.installPath());
                        s.setSize(made.size());
                        s.setParentUuid(previous == null ? null : previous.getUuid());
                        s.setLatest(true);
                        s.setStatus("Ready");
                    });
                }, ctx -> {
                    if (ctx.getString("previousLatest") != null) {
                        volumes.snapshots().update(ctx.getString("previousLatest"), p -> p.setLatest(true));
                    }
                    String path = ctx.getString("installPath");
                    if (path != null) {
                        VolumeEntity v = volumes.require(volumeUuid);
                        PrimaryStorageInventory ps = volumes.storage(v.getPrimaryStorageUuid());
                        volumes.backend(ps).deleteSnapshot(ps, volumes.hostOf(v), v.getInstallPath(), path);
                    }
                })
                .step("announce", ctx -> {
                    VolumeSnapshotInventory inv = volumes.snapshots().find(uuid).toInventory();
                    volumes.events().publish(new ResourceEvent(EventType.CREATED, VolumeSnapshotInventory.RESOURCE_TYPE, uuid, inv,
                            null, null, null, null));
                    ctx.result(OperationResult.inventory(inv));
                })
                .build();
    }
}
