package io.kumo.api.storage;

/**
 * Where a primary storage backend put a volume.
 *
 * @param installPath the path or URL of the volume on the storage
 * @param size        its virtual size in bytes
 * @param actualSize  the bytes it takes now
 * @param format      {@code qcow2} or {@code raw}
 */
public record VolumeInstantiation(String installPath, long size, long actualSize, String format) { }
