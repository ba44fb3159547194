package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.offering.DiskOfferingInventory;
import io.kumo.api.offering.OfferingService;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.tag.TagType;
import io.kumo.api.vm.VolumeInventory;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /volumes/data}: creates a data volume sized by a disk offering or {@code diskSize}. As in ZStack it stays
 * {@code NotInstantiated} (no storage used) until first attached, unless {@code primaryStorageUuid} is given: then its
 * size is reserved there and it is created at once ({@code Ready}). Steps: persist-volume, allocate-primary-storage,
 * instantiate-volume, announce. The system tag {@code capability::virtio-scsi} puts it on the SCSI bus with a WWN.
 */
public class CreateDataVolumeOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("CreateDataVolume")
            .description("Create a data volume from a disk offering or a size; instantiated when first attached,"
                    + " or at once on the primary storage given")
            .kind(OperationKind.CREATE).resourceType(VolumeInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VolumeInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).describedAs("volume name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("free text"))
            .param(ParameterDescriptor.uuid("diskOfferingUuid").describedAs("the disk offering giving its size"))
            .param(ParameterDescriptor.longParam("diskSize").range(1, Long.MAX_VALUE)
                    .describedAs("its size in bytes, instead of a disk offering"))
            .param(ParameterDescriptor.uuid("primaryStorageUuid").describedAs("create it at once on this primary storage"))
            .param(ParameterDescriptor.uuid("resourceUuid").describedAs("uuid to give the volume instead of a generated one"))
            .rest(RestBinding.post("/volumes/data"))
            .build();

    private final VolumeManager volumes;
    private final OfferingService offerings;

    /** Wires the operation. */
    public CreateDataVolumeOperation(VolumeManager volumes, OfferingService offerings) {
        this.volumes = volumes;
        this.offerings = offerings;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return uuidOf(request); }

    private static String uuidOf(OperationRequest request) {
        return request.has("resourceUuid") ? request.string("resourceUuid") : request.requestId();
    }

    @Override
    public void check(OperationRequest request) {
        String uuid = uuidOf(request);
        if (volumes.volumes().exists(uuid)) {
            throw new ApiException(ErrorCode.CONFLICT, "a volume with uuid " + uuid + " already exists; omit resourceUuid to get a new one");
        }
        long size = size(request);
        if (request.has("primaryStorageUuid")) {
            String psUuid = request.string("primaryStorageUuid");
            PrimaryStorageInventory ps = volumes.vms().storage().get(psUuid)
                    .orElseThrow(() -> ApiException.notFound(PrimaryStorageInventory.RESOURCE_TYPE, psUuid));
            if (!"Enabled".equals(ps.state()) || !"Connected".equals(ps.status())) {
                throw new ApiException(ErrorCode.INVALID_STATE, "primary storage " + psUuid + " is " + ps.state() + " and "
                        + ps.status() + "; a volume needs Enabled, Connected storage: enable or reconnect it, or choose another");
            }
            volumes.backend(ps);
            if (!volumes.vms().storage().hasRoomFor(ps, size)) {
                throw new ApiException(ErrorCode.NO_CAPACITY, "primary storage " + psUuid + " has " + ps.availableCapacity()
                        + " bytes available, the volume needs " + size + "; free space or choose another storage");
            }
        }
    }

    /** @return the size asked for, from the disk offering or {@code diskSize} @throws ApiException 400, 404, 409 */
    private long size(OperationRequest request) {
        boolean byOffering = request.has("diskOfferingUuid");
        if (byOffering == request.has("diskSize")) {
            throw ApiException.invalidArgument("give either diskOfferingUuid or diskSize (bytes), not "
                    + (byOffering ? "both" : "neither"));
        }
        if (!byOffering) {
            return request.longValue("diskSize");
        }
        String uuid = request.string("diskOfferingUuid");
        DiskOfferingInventory d = offerings.diskOffering(uuid)
                .orElseThrow(() -> ApiException.notFound(DiskOfferingInventory.RESOURCE_TYPE, uuid));
        if (!"Enabled".equals(d.state())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "disk offering " + uuid + " is " + d.state() + "; enable it or choose another");
        }
        return d.diskSize();
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String ps = request.string("primaryStorageUuid");
        Flow.Builder flow = Flow.named(DESCRIPTOR.name())
                .step("persist-volume", ctx -> persist(uuid, request), ctx -> {
                    volumes.vms().tags().detachAll(uuid);
                    volumes.volumes().delete(uuid);
                });
        if (ps != null) {
            flow.step(volumes.reserveCapacity(uuid, () -> ps)).step(volumes.instantiate(uuid, () -> null));
        }
        return flow.step("announce", ctx -> ctx.result(OperationResult.inventory(volumes.announce(uuid, EventType.CREATED))))
                .build();
    }

    private void persist(String uuid, OperationRequest request) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        VolumeEntity v = new VolumeEntity();
        v.setUuid(uuid);
        v.setName(request.string("name"));
        v.setDescription(request.string("description"));
        v.setDiskOfferingUuid(request.string("diskOfferingUuid"));
        v.setType(VolumeEntity.DATA);
        v.setSize(size(request));
        v.setState("Enabled");
        v.setStatus(VolumeManager.NOT_INSTANTIATED);
        v.setCreateDate(now);
        v.setLastOpDate(now);
        volumes.volumes().create(v);
        List<String> systemTags = new ArrayList<>(request.systemTags());
        if (systemTags.contains(VolumeTags.VIRTIO_SCSI) && VolumeTags.wwn(systemTags) == null) {
            systemTags.add(VolumeTags.WWN_PREFIX + VolumeTags.newWwn());
        }
        volumes.vms().tags().attach(VolumeManager.VO_NAME, uuid, systemTags, TagType.System);
        volumes.vms().tags().attach(VolumeManager.VO_NAME, uuid, request.userTags(), TagType.User);
    }
}
