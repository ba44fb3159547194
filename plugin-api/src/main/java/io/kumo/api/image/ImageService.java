package io.kumo.api.image;

import java.util.Map;
import java.util.Optional;

/** Reads images, for modules that create volumes from them. */
public interface ImageService {
    /** @param uuid an image uuid @return the image, if it exists (also when in the recycle bin) */
    Optional<ImageInventory> get(String uuid);

    /**
     * Where an image can be read from now: for each zone, one Ready copy of it on a Connected backup storage
     * attached to that zone. Placement keeps VMs in these zones, and the root volume is made from the zone's copy.
     *
     * @param uuid an image uuid
     * @return zone uuid to a Ready copy readable there; empty if the image or its copies are absent
     */
    Map<String, ImageBackupStorageRefInventory> readyCopiesByZone(String uuid);
}
