package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.image.ImageBackupStorageRefInventory;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.image.ImageService;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.compute.volume.VolumeEntity;

/**
 * {@code POST /vm-instances/{vmInstanceUuid}/iso/{isoUuid}}: puts an ISO in the VM's CD-ROM drive (one drive, one ISO,
 * as in ZStack 2.6). The ISO must be Enabled, Ready and have a Ready copy on a backup storage of the VM's zone. Steps:
 * check-state → cache-iso (the root volume's primary storage caches it for the host: {@code cacheImage}; rollback
 * forgets it) → insert-on-hypervisor (while the VM runs; rollback ejects) → announce.
 */
public class AttachIsoToVmInstanceOperation extends VmChangeOperation {
    private static final OperationDescriptor DESCRIPTOR = vmAction("AttachIsoToVmInstance",
            "Insert an ISO image into the CD-ROM drive of a VM")
            .param(ParameterDescriptor.uuid("vmInstanceUuid").mandatory().describedAs("the VM"))
            .param(ParameterDescriptor.uuid("isoUuid").mandatory().describedAs("the ISO image"))
            .rest(RestBinding.post("/vm-instances/{vmInstanceUuid}/iso/{isoUuid}"))
            .build();

    private final ImageService images;

    /** Wires the operation. */
    public AttachIsoToVmInstanceOperation(VmLifecycle vms, ImageService images) {
        super(DESCRIPTOR, vms);
        this.images = images;
    }

    @Override protected String vmUuid(OperationRequest request) { return request.string("vmInstanceUuid"); }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        VmInstanceEntity vm = vms.require(vmUuid(request));
        String current = vms.settings().get(vm.getUuid(), VmSettings.ISO);
        if (current != null) {
            throw new ApiException(ErrorCode.CONFLICT, "the CD-ROM drive of VM " + vm.getUuid() + " holds ISO " + current
                    + "; detach it first (DetachIsoFromVmInstance)");
        }
        copyInZone(vm, iso(request.string("isoUuid")));
    }

    private ImageInventory iso(String isoUuid) {
        ImageInventory image = images.get(isoUuid).orElseThrow(() -> ApiException.notFound(ImageInventory.RESOURCE_TYPE, isoUuid));
        if (!"ISO".equals(image.mediaType())) {
            throw ApiException.invalidArgument("image " + isoUuid + " is a " + image.mediaType() + ", not an ISO; choose an ISO image");
        }
        if (!"Ready".equals(image.status()) || !"Enabled".equals(image.state())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "ISO " + isoUuid + " is " + image.state() + " and " + image.status()
                    + "; wait for its download or enable it");
        }
        return image;
    }

    private ImageBackupStorageRefInventory copyInZone(VmInstanceEntity vm, ImageInventory iso) {
        ImageBackupStorageRefInventory copy = images.readyCopiesByZone(iso.uuid()).get(vm.getZoneUuid());
        if (copy == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "ISO " + iso.uuid() + " has no Ready copy on a Connected backup"
                    + " storage of zone " + vm.getZoneUuid() + " of VM " + vm.getUuid() + "; add it to a backup storage of that zone");
        }
        return copy;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = vmUuid(request);
        String isoUuid = request.string("isoUuid");
        return Flow.named(DESCRIPTOR.name())
                .step(recheck(uuid))
                .step("cache-iso", ctx -> {
                    VmInstanceEntity vm = vms.require(uuid);
                    ImageInventory iso = iso(isoUuid);
                    ImageBackupStorageRefInventory copy = copyInZone(vm, iso);
                    VolumeEntity root = vm.getRootVolumeUuid() == null ? null : vms.volumes().find(vm.getRootVolumeUuid());
                    if (root == null || root.getPrimaryStorageUuid() == null) {
                        throw new ApiException(ErrorCode.INVALID_STATE, "VM " + uuid + " has no root volume on primary storage"
                                + " to cache the ISO on");
                    }
                    PrimaryStorageInventory ps = vms.storage().get(root.getPrimaryStorageUuid()).orElseThrow(() ->
                            ApiException.notFound(PrimaryStorageInventory.RESOURCE_TYPE, root.getPrimaryStorageUuid()));
                    PrimaryStorageBackend backend = vms.storage().backend(ps.type()).orElseThrow(() -> new ApiException(
                            ErrorCode.TYPE_UNAVAILABLE, "no primary storage backend of type " + ps.type() + " is installed"));
                    String hostUuid = vm.getHostUuid() != null ? vm.getHostUuid() : vm.getLastHostUuid();
                    HostConnection host = hostUuid == null ? null : vms.hosts().connection(hostUuid).orElse(null);
                    String[] path = new String[1];
                    VmSpecSettings.backend("caching an ISO on primary storage " + ps.uuid(), () ->
                            path[0] = backend.cacheImage(ps, host, iso, copy.installPath()));
                    vms.settings().put(uuid, VmSettings.ISO, isoUuid);
                    vms.settings().put(uuid, VmSettings.ISO_PATH, path[0]);
                    ctx.put("cached", true);
                }, ctx -> {
                    if (Boolean.TRUE.equals(ctx.get("cached"))) {
                        vms.settings().put(uuid, VmSettings.ISO, null);
                        vms.settings().put(uuid, VmSettings.ISO_PATH, null);
                    }
                })
                .step("insert-on-hypervisor", ctx -> {
                    if (live(ctx)) {
                        String host = ctx.getString("hostUuid");
                        VmSpec spec = vms.spec(uuid, host);
                        VmSpecSettings.backend("changing the CD-ROM of a running VM", () ->
                                vms.hypervisor(host).changeCdrom(vms.connection(host), spec, spec.cdroms().get(0)));
                        ctx.put("inserted", true);
                    }
                }, ctx -> {
                    if (Boolean.TRUE.equals(ctx.get("inserted"))) {
                        String host = ctx.getString("hostUuid");
                        vms.hypervisor(host).changeCdrom(vms.connection(host), vms.spec(uuid, host), new VmSpec.Cdrom(0, null, null));
                    }
                })
                .step(announce(uuid))
                .build();
    }
}
