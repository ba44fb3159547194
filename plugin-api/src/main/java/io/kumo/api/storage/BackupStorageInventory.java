package io.kumo.api.storage;

import java.sql.Timestamp;
import java.util.List;

/**
 * Backup storage as the API shows it (ZStack's BackupStorageInventory): where images are kept. Capacities are bytes.
 *
 * @param uuid              the backup storage uuid
 * @param name              its name
 * @param url               where it is, in the backend's terms
 * @param description       free text, or null
 * @param type              the backend type, e.g. {@code SimulatorBackupStorage} or {@code ImageStoreBackupStorage}
 * @param state             {@code Enabled} or {@code Disabled}
 * @param status            {@code Connecting}, {@code Connected} or {@code Disconnected}
 * @param totalCapacity     bytes in all
 * @param availableCapacity bytes free
 * @param attachedZoneUuids the zones it serves
 * @param createDate        when it was added
 * @param lastOpDate        when it last changed
 */
public record BackupStorageInventory(String uuid, String name, String url, String description, String type,
                                     String state, String status, long totalCapacity, long availableCapacity,
                                     List<String> attachedZoneUuids, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "backupStorage";
}
