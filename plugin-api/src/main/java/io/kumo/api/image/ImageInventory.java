package io.kumo.api.image;

import java.sql.Timestamp;
import java.util.List;

/**
 * An image as the API shows it (ZStack's ImageInventory).
 *
 * @param uuid               the image uuid
 * @param name               its name
 * @param description        free text, or null
 * @param state              {@code Enabled} or {@code Disabled}
 * @param status             {@code Downloading}, {@code Ready} or {@code Deleted} (in the recycle bin)
 * @param size               virtual size in bytes
 * @param actualSize         bytes it takes on backup storage
 * @param md5Sum             its checksum, or null
 * @param url                where it was added from
 * @param mediaType          {@code RootVolumeTemplate}, {@code DataVolumeTemplate} or {@code ISO}
 * @param guestOsType        free text, or null
 * @param type               the image type, {@code zstack}
 * @param platform           {@code Linux}, {@code Windows}, {@code Other} or {@code Paravirtualization}
 * @param format             {@code qcow2}, {@code raw} or {@code iso}
 * @param system             whether it is a system image (virtual routers)
 * @param architecture       the CPU architecture it runs on
 * @param backupStorageRefs  its copies
 * @param createDate         when it was added
 * @param lastOpDate         when it last changed
 */
public record ImageInventory(String uuid, String name, String description, String state, String status, long size,
                             long actualSize, String md5Sum, String url, String mediaType, String guestOsType,
                             String type, String platform, String format, boolean system, String architecture,
                             List<ImageBackupStorageRefInventory> backupStorageRefs, Timestamp createDate,
                             Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "image";
}
