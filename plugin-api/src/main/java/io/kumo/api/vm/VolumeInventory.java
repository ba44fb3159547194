package io.kumo.api.vm;

import java.sql.Timestamp;

/**
 * A volume as the API shows it (ZStack's VolumeInventory).
 *
 * @param uuid               the volume uuid
 * @param name               its name
 * @param description        free text, or null
 * @param primaryStorageUuid where it lives
 * @param vmInstanceUuid     the VM it is attached to, or null
 * @param diskOfferingUuid   the offering it was sized by, or null
 * @param rootImageUuid      the image a root volume was made from, or null
 * @param installPath        where it is on the primary storage
 * @param type               {@code Root} or {@code Data}
 * @param format             {@code qcow2} or {@code raw}
 * @param size               virtual size in bytes
 * @param actualSize         bytes it takes
 * @param deviceId           its position on the VM (0 for root), or null
 * @param state              {@code Enabled} or {@code Disabled}
 * @param status             {@code Creating}, {@code Ready}, {@code NotInstantiated} or {@code Deleted}
 * @param isShareable        whether several VMs may attach it
 * @param createDate         when it was created
 * @param lastOpDate         when it last changed
 */
public record VolumeInventory(String uuid, String name, String description, String primaryStorageUuid,
                              String vmInstanceUuid, String diskOfferingUuid, String rootImageUuid,
                              String installPath, String type, String format, long size, long actualSize,
                              Integer deviceId, String state, String status, boolean isShareable,
                              Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "volume";
}
