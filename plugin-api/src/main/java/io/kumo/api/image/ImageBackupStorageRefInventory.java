package io.kumo.api.image;

import java.sql.Timestamp;

/**
 * Where a copy of an image is (ZStack's ImageBackupStorageRefInventory).
 *
 * @param imageUuid         the image
 * @param backupStorageUuid the backup storage holding the copy
 * @param installPath       where the copy is on that storage
 * @param exportUrl         a download link, or null
 * @param status            {@code Downloading}, {@code Ready} or {@code Deleted}
 * @param createDate        when it was added
 * @param lastOpDate        when it last changed
 */
public record ImageBackupStorageRefInventory(String imageUuid, String backupStorageUuid, String installPath,
                                             String exportUrl, String status, Timestamp createDate,
                                             Timestamp lastOpDate) { }
