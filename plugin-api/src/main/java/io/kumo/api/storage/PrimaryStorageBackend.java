package io.kumo.api.storage;

import io.kumo.api.hypervisor.HostConnection;

/**
 * Drives primary storage of one type. Register one as an OSGi service; the kernel finds it by {@link #type()}. While
 * no backend of a type is registered, adding storage of that type is refused with a clear error. Methods may block;
 * the kernel calls them from job threads.
 */
public interface PrimaryStorageBackend {
    /** The service property that repeats {@link #type()}, for filtering. */
    String TYPE_PROPERTY = "kumo.primaryStorage.type";

    /** @return the storage type, e.g. {@code SimulatorPrimaryStorage} */
    String type();

    /**
     * @return the operation that adds primary storage of this type; the kernel's common parameters are {@code name}, {@code description}, {@code url}, {@code zoneUuid}, {@code resourceUuid}
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
    StorageCapacity connect(PrimaryStorageInventory storage, java.util.Map<String, String> properties) throws Exception;

    /**
     * Creates a VM's root volume from an image.
     *
     * @param storage   the primary storage
     * @param host      the host the VM will run on (local storage puts the volume there)
     * @param volumeUuid the new volume
     * @param image     the image to start from, with the backup storage it is on
     * @param imageInstallPath where the image is on that backup storage
     * @return where the volume is
     * @throws Exception on failure; nothing must be left behind
     */
    VolumeInstantiation createRootVolume(PrimaryStorageInventory storage, HostConnection host, String volumeUuid,
                                         io.kumo.api.image.ImageInventory image, String imageInstallPath) throws Exception;

    /**
     * Creates an empty data volume.
     *
     * @param storage    the primary storage
     * @param host       the host the VM runs on, or null
     * @param volumeUuid the new volume
     * @param size       its size in bytes
     * @return where the volume is
     * @throws Exception on failure; nothing must be left behind
     */
    VolumeInstantiation createDataVolume(PrimaryStorageInventory storage, HostConnection host, String volumeUuid,
                                         long size) throws Exception;

    /**
     * Deletes a volume; must succeed if it is already gone.
     *
     * @param storage     the primary storage
     * @param host        the host it is on, or null
     * @param installPath where it is
     * @throws Exception on failure
     */
    void deleteVolume(PrimaryStorageInventory storage, HostConnection host, String installPath) throws Exception;

    /**
     * Tells the capacity one host sees, for storage local to each host; the kernel sums these when hosts connect.
     *
     * @param storage    the primary storage
     * @param host       a connected host of a cluster the storage is attached to
     * @param properties the values of the extra parameters of {@link #addOperation()}
     * @return the capacity on that host, or null if this type is not local to hosts (the default)
     * @throws Exception if the host cannot be asked
     */
    default StorageCapacity connectHost(PrimaryStorageInventory storage, HostConnection host,
                                        java.util.Map<String, String> properties) throws Exception {
        return null;
    }

    /**
     * Makes an image (e.g. an ISO for a CD-ROM) available to a host, caching it on the storage.
     *
     * @param storage          the primary storage
     * @param host             the host that needs it
     * @param image            the image, with the backup storage it is on
     * @param imageInstallPath where the image is on that backup storage
     * @return where the host finds the cached image
     * @throws Exception on failure; {@link io.kumo.api.hypervisor.HypervisorBackend.Unsupported} if this type cannot
     */
    default String cacheImage(PrimaryStorageInventory storage, HostConnection host, io.kumo.api.image.ImageInventory image,
                              String imageInstallPath) throws Exception {
        throw new io.kumo.api.hypervisor.HypervisorBackend.Unsupported("caching images");
    }

    /**
     * Grows a volume. Volumes never shrink.
     *
     * @param storage     the primary storage
     * @param host        the host it is on, or null
     * @param installPath where it is
     * @param size        the new virtual size in bytes, larger than the current one
     * @return the volume as it is now
     * @throws Exception on failure, the volume unchanged
     */
    default VolumeInstantiation resizeVolume(PrimaryStorageInventory storage, HostConnection host, String installPath,
                                             long size) throws Exception {
        throw new io.kumo.api.hypervisor.HypervisorBackend.Unsupported("resizing volumes");
    }

    /**
     * Takes a snapshot of a volume that no running VM writes to.
     *
     * @param storage      the primary storage
     * @param host         the host it is on, or null
     * @param installPath  where the volume is
     * @param snapshotUuid the new snapshot
     * @return where the snapshot is and its size
     * @throws Exception on failure; nothing must be left behind
     */
    default SnapshotInstantiation createSnapshot(PrimaryStorageInventory storage, HostConnection host,
                                                 String installPath, String snapshotUuid) throws Exception {
        throw new io.kumo.api.hypervisor.HypervisorBackend.Unsupported("volume snapshots");
    }

    /**
     * Reverts a volume that no running VM writes to, to one of its snapshots.
     *
     * @param storage             the primary storage
     * @param host                the host it is on, or null
     * @param installPath         where the volume is
     * @param snapshotInstallPath where the snapshot is, as {@link #createSnapshot} returned it
     * @throws Exception on failure
     */
    default void revertSnapshot(PrimaryStorageInventory storage, HostConnection host, String installPath,
                                String snapshotInstallPath) throws Exception {
        throw new io.kumo.api.hypervisor.HypervisorBackend.Unsupported("volume snapshots");
    }

    /**
     * Deletes a snapshot; must succeed if it is already gone.
     *
     * @param storage             the primary storage
     * @param host                the host it is on, or null
     * @param installPath         where the volume is
     * @param snapshotInstallPath where the snapshot is
     * @throws Exception on failure
     */
    default void deleteSnapshot(PrimaryStorageInventory storage, HostConnection host, String installPath,
                                String snapshotInstallPath) throws Exception {
        throw new io.kumo.api.hypervisor.HypervisorBackend.Unsupported("volume snapshots");
    }
}
