package io.kumo.compute.volume;

import java.sql.Timestamp;

/**
 * A volume snapshot as the API shows it (ZStack's VolumeSnapshotInventory, without backup storage copies).
 *
 * @param uuid                      the snapshot uuid
 * @param name                      its name
 * @param description               free text, or null
 * @param type                      {@code Storage}: taken by the primary storage backend
 * @param volumeUuid                the volume it was taken of
 * @param treeUuid                  the snapshot tree (Kumo keeps one chain per volume: the volume uuid)
 * @param parentUuid                the snapshot taken before it on the same volume, or null
 * @param primaryStorageUuid        where it lives
 * @param primaryStorageInstallPath where the backend put it
 * @param volumeType                {@code Root} or {@code Data}
 * @param format                    the volume's format
 * @param latest                    whether it is the newest snapshot of its volume
 * @param size                      bytes it takes
 * @param state                     {@code Enabled}
 * @param status                    {@code Creating} or {@code Ready}
 * @param createDate                when it was taken
 * @param lastOpDate                when it last changed
 */
public record VolumeSnapshotInventory(String uuid, String name, String description, String type, String volumeUuid,
                                      String treeUuid, String parentUuid, String primaryStorageUuid,
                                      String primaryStorageInstallPath, String volumeType, String format,
                                      boolean latest, long size, String state, String status, Timestamp createDate,
                                      Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "volumeSnapshot";
}
