package io.kumo.api.storage;

import io.kumo.api.image.ImageInventory;

import java.util.function.IntConsumer;

/**
 * Drives backup storage of one type. Register one as an OSGi service; the kernel finds it by {@link #type()}. While no
 * backend of a type is registered, adding storage of that type is refused with a clear error. Methods may block; the
 * kernel calls them from job threads.
 */
public interface BackupStorageBackend {
    /** The service property that repeats {@link #type()}, for filtering. */
    String TYPE_PROPERTY = "kumo.backupStorage.type";

    /** @return the storage type, e.g. {@code SimulatorBackupStorage} */
    String type();

    /**
     * @return the operation that adds backup storage of this type; the kernel's common parameters are {@code name}, {@code description}, {@code url}, {@code resourceUuid}
     */
    io.kumo.api.operation.AddOperationSpec addOperation();

    /**
     * Connects to the storage and reads its capacity.
     *
     * @param storage    the storage as added
     * @param properties the values of the extra parameters of {@link #addOperation()} it was added with
     * @return its capacity
     * @throws Exception if it cannot be reached
     */
    StorageCapacity connect(BackupStorageInventory storage, java.util.Map<String, String> properties) throws Exception;

    /**
     * Fetches an image from its URL onto the storage.
     *
     * @param storage  the backup storage
     * @param image    the image, with its URL and declared format
     * @param progress told the percentage done, 0..100
     * @return what was stored
     * @throws Exception on failure; nothing must be left behind
     */
    ImageDownload downloadImage(BackupStorageInventory storage, ImageInventory image, IntConsumer progress) throws Exception;

    /**
     * Deletes an image; must succeed if it is already gone.
     *
     * @param storage     the backup storage
     * @param installPath where the image is
     * @throws Exception on failure
     */
    void deleteImage(BackupStorageInventory storage, String installPath) throws Exception;

    /**
     * Makes an image downloadable: returns a URL from which it can be fetched over HTTP(S), e.g. by a browser or by a
     * host that cannot read the storage directly.
     *
     * @param storage     the backup storage
     * @param installPath where the image is
     * @param imageUuid   the image
     * @return the download URL
     * @throws Exception on failure; {@link io.kumo.api.hypervisor.HypervisorBackend.Unsupported} if this type cannot
     */
    default String exportImage(BackupStorageInventory storage, String installPath, String imageUuid) throws Exception {
        throw new io.kumo.api.hypervisor.HypervisorBackend.Unsupported("exporting images");
    }

    /**
     * Withdraws a download URL made by {@link #exportImage}; must succeed if there is none.
     *
     * @param storage     the backup storage
     * @param installPath where the image is
     * @param imageUuid   the image
     * @throws Exception on failure
     */
    default void deleteExportedImage(BackupStorageInventory storage, String installPath, String imageUuid)
            throws Exception {
    }
}
