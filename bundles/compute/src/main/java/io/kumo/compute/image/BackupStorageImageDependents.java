package io.kumo.compute.image;

import io.kumo.api.inventory.DependentResourceProvider;

import java.util.List;

/**
 * Images on a backup storage: Permissive deletes of the storage are refused while images have copies on it;
 * Enforcing ones delete those copies, and expunge the images left without any.
 */
public class BackupStorageImageDependents implements DependentResourceProvider {
    private final ImageStore store;
    private final ImageManager images;

    /** Wires the provider. */
    public BackupStorageImageDependents(ImageStore store, ImageManager images) {
        this.store = store;
        this.images = images;
    }

    @Override
    public List<String> dependentsOf(String parentType, String backupStorageUuid) {
        return store.onBackupStorage(backupStorageUuid).stream()
                .map(i -> "image \"" + i.getName() + "\" (" + i.getUuid() + ")").toList();
    }

    @Override
    public void deleteDependents(String parentType, String backupStorageUuid) throws Exception {
        for (ImageEntity image : store.onBackupStorage(backupStorageUuid)) {
            if (image.getBackupStorageRefs().size() <= 1) {
                images.expunge(image.getUuid());
            } else {
                for (ImageBackupStorageRefEntity ref : image.getBackupStorageRefs()) {
                    if (ref.getBackupStorageUuid().equals(backupStorageUuid)) {
                        images.deleteCopy(image.getUuid(), backupStorageUuid, ref.getInstallPath(), image.getActualSize());
                    }
                }
                images.announceUpdate(image.getUuid());
            }
        }
    }
}
