package io.kumo.api.tag;

import java.sql.Timestamp;

/**
 * A tag on a resource (ZStack's UserTagInventory / SystemTagInventory).
 *
 * @param uuid         the tag uuid
 * @param resourceUuid the tagged resource
 * @param resourceType its type, e.g. {@code ZoneVO}
 * @param tag          the tag text
 * @param type         user or system
 * @param inherent     for system tags: created by Kumo itself and not deletable by users
 * @param createDate   when it was created
 * @param lastOpDate   when it last changed
 */
public record TagInventory(String uuid, String resourceUuid, String resourceType, String tag, TagType type,
                           boolean inherent, Timestamp createDate, Timestamp lastOpDate) {
}
