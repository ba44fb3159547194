package io.kumo.api.tag;

import java.util.List;

/** Tags of resources, for modules that create resources with tags or read system tags. */
public interface TagService {
    /**
     * Attaches tags as part of a job step (in the caller's flow).
     *
     * @param resourceType the resource type, e.g. {@code ZoneVO}
     * @param resourceUuid the resource
     * @param tags         the tag texts
     * @param type         user or system
     * @return the created tags
     */
    List<TagInventory> attach(String resourceType, String resourceUuid, List<String> tags, TagType type);

    /** @param resourceUuid a resource @return its tags */
    List<TagInventory> tagsOf(String resourceUuid);

    /** @param resourceUuid a resource whose tags are removed (on delete and on rollback) */
    void detachAll(String resourceUuid);
}
