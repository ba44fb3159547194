package io.kumo.api.image;

import java.util.Optional;

/** Reads images, for modules that create volumes from them. */
public interface ImageService {
    /** @param uuid an image uuid @return the image, if it exists (also when in the recycle bin) */
    Optional<ImageInventory> get(String uuid);
}
