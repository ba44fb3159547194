package io.kumo.compute.image;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.compute.storage.BackupStorageEntity;
import io.kumo.compute.storage.BackupStorageManager;

import java.util.Map;

/**
 * {@code PUT /backup-storage/{backupStorageUuid}/actions {"exportImageFromBackupStorage":{"imageUuid":...}}}: makes
 * the image's copy on that backup storage downloadable; answers {@code imageUrl} and keeps it as the copy's
 * {@code exportUrl} (shown by image queries, {@code backupStorageRefs.exportUrl}). Steps: export (rollback withdraws
 * the URL) → record-url (rollback restores the previous URL).
 */
public class ExportImageFromBackupStorageOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ExportImageFromBackupStorage")
            .description("Make an image on a backup storage downloadable over HTTP; answers its imageUrl")
            .kind(OperationKind.ACTION).resourceType(BackupStorageInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("backupStorageUuid").mandatory().describedAs("the backup storage holding the image"))
            .param(ParameterDescriptor.uuid("imageUuid").mandatory().describedAs("the image"))
            .rest(RestBinding.put("/backup-storage/{backupStorageUuid}/actions", "exportImageFromBackupStorage"))
            .build();

    private final ImageStore images;
    private final BackupStorageManager storage;

    /** Wires the operation. */
    public ExportImageFromBackupStorageOperation(ImageStore images, BackupStorageManager storage) {
        this.images = images;
        this.storage = storage;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return request.string("imageUuid"); }

    /** @return the Ready copy of the image on the storage @throws ApiException 404/409 otherwise */
    static ImageBackupStorageRefEntity readyCopy(ImageStore images, BackupStorageManager storage, OperationRequest request) {
        String bs = request.string("backupStorageUuid");
        String image = request.string("imageUuid");
        storage.require(bs);
        if (images.find(image) == null) {
            throw ApiException.notFound(ImageInventory.RESOURCE_TYPE, image);
        }
        ImageBackupStorageRefEntity ref = images.findRef(image, bs);
        if (ref == null) {
            throw ApiException.invalidArgument("image " + image + " is not on backup storage " + bs
                    + "; export it from a backup storage that holds it (its backupStorageRefs)");
        }
        if (!"Ready".equals(ref.getStatus()) || ref.getInstallPath() == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the copy of image " + image + " on backup storage " + bs + " is "
                    + ref.getStatus() + "; wait until it is Ready");
        }
        return ref;
    }

    /** @return the storage's inventory and backend */
    static Map.Entry<BackupStorageInventory, BackupStorageBackend> backend(BackupStorageManager storage, String bs) {
        BackupStorageEntity entity = storage.require(bs);
        BackupStorageBackend backend = storage.backend(entity.getType()).orElseThrow(() -> new ApiException(
                ErrorCode.TYPE_UNAVAILABLE, "no backup storage backend of type " + entity.getType() + " is installed"));
        return Map.entry(entity.toInventory(), backend);
    }

    @Override
    public void check(OperationRequest request) {
        readyCopy(images, storage, request);
        backend(storage, request.string("backupStorageUuid"));
    }

    @Override
    public Flow flow(OperationRequest request) {
        String bs = request.string("backupStorageUuid");
        String image = request.string("imageUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("export", ctx -> {
                    ImageBackupStorageRefEntity ref = readyCopy(images, storage, request);
                    Map.Entry<BackupStorageInventory, BackupStorageBackend> b = backend(storage, bs);
                    try {
                        ctx.put("imageUrl", b.getValue().exportImage(b.getKey(), ref.getInstallPath(), image));
                    } catch (HypervisorBackend.Unsupported e) {
                        throw new ApiException(ErrorCode.NOT_SUPPORTED, "backup storage " + bs + " cannot export images: "
                                + e.getMessage());
                    }
                }, ctx -> {
                    if (ctx.getString("imageUrl") != null) {
                        ImageBackupStorageRefEntity ref = images.findRef(image, bs);
                        Map.Entry<BackupStorageInventory, BackupStorageBackend> b = backend(storage, bs);
                        b.getValue().deleteExportedImage(b.getKey(), ref == null ? null : ref.getInstallPath(), image);
                    }
                })
                .step("record-url", ctx -> {
                    ctx.put("previousUrl", images.setExportUrl(image, bs, ctx.getString("imageUrl")));
                    ctx.put("recorded", true);
                }, ctx -> {
                    if (Boolean.TRUE.equals(ctx.get("recorded"))) {
                        images.setExportUrl(image, bs, ctx.getString("previousUrl"));
                    }
                })
                .step("announce", ctx -> ctx.result(OperationResult.of(Map.of("imageUrl", ctx.getString("imageUrl")))))
                .build();
    }
}
