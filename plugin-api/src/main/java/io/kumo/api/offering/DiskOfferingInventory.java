package io.kumo.api.offering;

import java.sql.Timestamp;

/**
 * A disk offering as the API shows it (ZStack's DiskOfferingInventory): the size of a data volume.
 *
 * @param uuid              the offering uuid
 * @param name              its name
 * @param description       free text, or null
 * @param diskSize          bytes
 * @param sortKey           an ordering hint for consoles
 * @param state             {@code Enabled} or {@code Disabled}
 * @param type              {@code zstack}
 * @param allocatorStrategy the primary storage allocation strategy
 * @param createDate        when it was created
 * @param lastOpDate        when it last changed
 */
public record DiskOfferingInventory(String uuid, String name, String description, long diskSize, int sortKey,
                                    String state, String type, String allocatorStrategy, Timestamp createDate,
                                    Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "diskOffering";
}
