package io.kumo.api.storage;

/**
 * The capacity a storage backend reports, in bytes.
 *
 * @param total     bytes in all
 * @param available bytes free
 */
public record StorageCapacity(long total, long available) {
    /** Canonical constructor: validates the figures. */
    public StorageCapacity {
        if (total < 0 || available < 0 || available > total) {
            throw new IllegalArgumentException("invalid capacity: total " + total + ", available " + available);
        }
    }
}
