package io.kumo.api.zone;

import java.sql.Timestamp;

/**
 * A zone as the API shows it (ZStack's ZoneInventory).
 *
 * @param uuid        the zone uuid
 * @param name        its name
 * @param description its description, or null
 * @param state       {@code Enabled} or {@code Disabled}
 * @param type        the zone type, {@code zstack}
 * @param isDefault   whether it is the default zone
 * @param createDate  when it was created
 * @param lastOpDate  when it last changed
 */
public record ZoneInventory(String uuid, String name, String description, String state, String type,
                            boolean isDefault, Timestamp createDate, Timestamp lastOpDate) {
    /** The resource type name used in events, tags and permissions. */
    public static final String RESOURCE_TYPE = "zone";
}
