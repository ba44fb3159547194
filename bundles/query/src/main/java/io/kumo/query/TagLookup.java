package io.kumo.query;

import io.kumo.api.query.QueryOperator;
import io.kumo.api.tag.TagType;

import java.util.Set;

/** Finds the resources having a matching tag, for {@code __userTag__} and {@code __systemTag__} conditions. */
@FunctionalInterface
interface TagLookup {
    /** The special field of user tag conditions. */
    String USER_TAG_FIELD = "__userTag__";
    /** The special field of system tag conditions. */
    String SYSTEM_TAG_FIELD = "__systemTag__";

    /**
     * @param type     user or system tags
     * @param operator EQ, IN, LIKE or NOT_NULL
     * @param value    the value of the condition, null for NOT_NULL
     * @return the uuids of the resources having a matching tag
     * @throws io.kumo.api.error.ApiException INVALID_QUERY if tags cannot be looked up
     */
    Set<String> resourcesWithTag(TagType type, QueryOperator operator, String value);
}
