package io.kumo.api.storage;

import java.sql.Timestamp;
import java.util.List;

/**
 * Primary storage as the API shows it (ZStack's PrimaryStorageInventory): where volumes live. Capacities are bytes.
 *
 * @param uuid                      the primary storage uuid
 * @param zoneUuid                  its zone
 * @param name                      its name
 * @param url                       where it is, in the backend's terms
 * @param description               free text, or null
 * @param type                      the backend type, e.g. {@code SimulatorPrimaryStorage} or {@code LocalStorage}
 * @param state                     {@code Enabled}, {@code Disabled} or {@code Maintenance}
 * @param status                    {@code Connecting}, {@code Connected} or {@code Disconnected}
 * @param totalCapacity             bytes it offers after over-provisioning
 * @param availableCapacity         bytes not yet reserved
 * @param totalPhysicalCapacity     physical bytes
 * @param availablePhysicalCapacity physical bytes free
 * @param systemUsedCapacity        bytes used outside Kumo
 * @param mountPath                 where hosts mount it, or null
 * @param attachedClusterUuids      the clusters it is attached to
 * @param createDate                when it was added
 * @param lastOpDate                when it last changed
 */
public record PrimaryStorageInventory(String uuid, String zoneUuid, String name, String url, String description,
                                      String type, String state, String status, long totalCapacity,
                                      long availableCapacity, long totalPhysicalCapacity,
                                      long availablePhysicalCapacity, long systemUsedCapacity, String mountPath,
                                      List<String> attachedClusterUuids, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "primaryStorage";
}
