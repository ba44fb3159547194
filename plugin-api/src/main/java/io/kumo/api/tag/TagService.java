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

    /**
     * Finds resources by tag, for the query conditions {@code __userTag__} and {@code __systemTag__}.
     *
     * @param type     user or system tags
     * @param operator how the tag text is compared with {@code value}
     * @param value    the value as in the condition (comma-separated for IN), null for unary operators
     * @return the uuids of resources having a matching tag ({@code IS_NULL}: this cannot be expressed as a set,
     *         callers handle negation themselves)
     */
    java.util.Set<String> resourcesWithTag(TagType type, io.kumo.api.query.QueryOperator operator, String value);
}
