package io.kumo.compute.image;

import io.kumo.api.error.ApiException;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.image.ImageBackupStorageRefInventory;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.image.ImageService;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.compute.backend.Backends;
import io.kumo.compute.storage.BackupStorageEntity;
import io.kumo.compute.storage.BackupStorageStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Images for other modules, their resource type, and the deletion of their copies from backup storage. */
public class ImageManager implements ImageService, ResourceTypeProvider {
    /** The VO name of images in tags. */
    public static final String VO_NAME = "ImageVO";
    private final ImageStore store;
    private final BackupStorageStore backupStorage;
    private final Backends backends;
    private final EventPublisher events;

    /** Wires the manager. */
    public ImageManager(ImageStore store, BackupStorageStore backupStorage, Backends backends, EventPublisher events) {
        this.store = store;
        this.backupStorage = backupStorage;
        this.backends = backends;
        this.events = events;
    }

    @Override
    public Optional<ImageInventory> get(String uuid) {
        return Optional.ofNullable(store.find(uuid)).map(ImageEntity::toInventory);
    }

    @Override
    public Map<String, ImageBackupStorageRefInventory> readyCopiesByZone(String uuid) {
        Map<String, ImageBackupStorageRefInventory> byZone = new LinkedHashMap<>();
        ImageEntity image = store.find(uuid);
        if (image == null) {
            return byZone;
        }
        for (ImageBackupStorageRefInventory copy : image.toInventory().backupStorageRefs()) {
            BackupStorageEntity bs = "Ready".equals(copy.status()) ? backupStorage.find(copy.backupStorageUuid()) : null;
            if (bs != null && "Connected".equals(bs.getStatus())) {  // a Disabled one takes no new images but is still read
                bs.getAttachedZoneUuids().forEach(zone -> byZone.putIfAbsent(zone, copy));
            }
        }
        return byZone;
    }

    /** @param uuid an image @return it @throws ApiException 404 if absent */
    public ImageEntity require(String uuid) {
        ImageEntity image = store.find(uuid);
        if (image == null) {
            throw ApiException.notFound(ImageInventory.RESOURCE_TYPE, uuid);
        }
        return image;
    }

    /**
     * Deletes a copy of an image from its backup storage and gives the space back. Cannot be undone.
     *
     * @param image             the image
     * @param backupStorageUuid where the copy is
     * @param installPath       the copy's path, or null if nothing was stored
     * @param actualSize        the bytes it takes
     * @throws Exception if the backend fails; the copy's row is then kept
     */
    public void deleteCopy(String image, String backupStorageUuid, String installPath, long actualSize) throws Exception {
        BackupStorageEntity bs = backupStorage.find(backupStorageUuid);
        if (bs != null && installPath != null) {
            BackupStorageBackend backend = backends.backupStorage().require(bs.getType());
            backend.deleteImage(bs.toInventory(), installPath);
            backupStorage.consume(backupStorageUuid, -actualSize);
        }
        store.deleteRef(image, backupStorageUuid);
    }

    /**
     * Expunges an image: deletes every copy from backup storage, then its rows, and publishes its deletion. Cannot
     * be undone; a failure keeps the image with the copies not yet deleted, so that expunging again finishes.
     *
     * @param uuid the image
     * @throws Exception if a backend fails
     */
    public void expunge(String uuid) throws Exception {
        ImageEntity image = store.find(uuid);
        if (image == null) {
            return;
        }
        ImageInventory inv = image.toInventory();
        for (ImageBackupStorageRefEntity ref : List.copyOf(image.getBackupStorageRefs())) {
            deleteCopy(uuid, ref.getBackupStorageUuid(), ref.getInstallPath(), image.getActualSize());
        }
        if (store.delete(uuid)) {
            events.publish(new ResourceEvent(EventType.DELETED, ImageInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        }
    }

    /** @param uuid an image @return it as it is now, published as updated */
    public ImageInventory announceUpdate(String uuid) {
        ImageInventory inv = require(uuid).toInventory();
        events.publish(new ResourceEvent(EventType.UPDATED, ImageInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        return inv;
    }

    @Override public String resourceType() { return ImageInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return store.exists(uuid); }
}
