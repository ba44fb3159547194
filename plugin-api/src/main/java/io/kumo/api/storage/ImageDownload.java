package io.kumo.api.storage;

/**
 * What a backup storage backend stored for an image.
 *
 * @param installPath where the image is on the storage
 * @param size        its virtual size in bytes
 * @param actualSize  the bytes it takes on the storage
 * @param format      the detected format: {@code qcow2}, {@code raw} or {@code iso}
 * @param md5Sum      its checksum, or null
 */
public record ImageDownload(String installPath, long size, long actualSize, String format, String md5Sum) { }
