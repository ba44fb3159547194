package io.kumo.compute.image;

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
import io.kumo.compute.storage.BackupStorageManager;

import java.util.Map;

/**
 * {@code DELETE /backup-storage/{backupStorageUuid}/exported-images/{imageUuid}}: withdraws the download URL of an
 * image's copy and clears its {@code exportUrl}. Steps: clear-url (rollback restores it) → withdraw (the backend's
 * {@code deleteExportedImage}).
 */
public class DeleteExportedImageFromBackupStorageOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteExportedImageFromBackupStorage")
            .description("Withdraw the download URL of an exported image")
            .kind(OperationKind.DELETE).resourceType(BackupStorageInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("backupStorageUuid").mandatory().describedAs("the backup storage"))
            .param(ParameterDescriptor.uuid("imageUuid").mandatory().describedAs("the image"))
            .rest(RestBinding.delete("/backup-storage/{backupStorageUuid}/exported-images/{imageUuid}"))
            .build();

    private final ImageStore images;
    private final BackupStorageManager storage;

    /** Wires the operation. */
    public DeleteExportedImageFromBackupStorageOperation(ImageStore images, BackupStorageManager storage) {
        this.images = images;
        this.storage = storage;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override public String serializationKey(OperationRequest request) { return request.string("imageUuid"); }

    @Override
    public void check(OperationRequest request) {
        ExportImageFromBackupStorageOperation.readyCopy(images, storage, request);
        ExportImageFromBackupStorageOperation.backend(storage, request.string("backupStorageUuid"));
    }

    @Override
    public Flow flow(OperationRequest request) {
        String bs = request.string("backupStorageUuid");
        String image = request.string("imageUuid");
        return Flow.named(DESCRIPTOR.name())
                .step("clear-url", ctx -> ctx.put("previousUrl", images.setExportUrl(image, bs, null)),
                        ctx -> images.setExportUrl(image, bs, ctx.getString("previousUrl")))
                .step("withdraw", ctx -> {
                    ImageBackupStorageRefEntity ref = images.findRef(image, bs);
                    Map.Entry<BackupStorageInventory, BackupStorageBackend> b = ExportImageFromBackupStorageOperation.backend(storage, bs);
                    b.getValue().deleteExportedImage(b.getKey(), ref == null ? null : ref.getInstallPath(), image);
                    ctx.result(OperationResult.empty());
                })
                .build();
    }
}
