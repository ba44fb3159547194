package io.kumo.api.query;

import java.util.List;

/**
 * A query as ZStack clients send it.
 *
 * @param conditions     conditions, all of which must hold
 * @param limit          the page size (default 1000)
 * @param start          the offset of the first row
 * @param count          if true, only the count is returned
 * @param replyWithCount if true, the total is returned with the page
 * @param sortBy         the field to sort by, or null
 * @param ascending      the sort direction
 * @param fields         the fields to return, or empty for all
 */
public record QueryRequest(List<QueryCondition> conditions, int limit, int start, boolean count, boolean replyWithCount,
                           String sortBy, boolean ascending, List<String> fields) {
    /** The page size when none is given. */
    public static final int DEFAULT_LIMIT = 1000;

    /** Canonical constructor: copies the lists. */
    public QueryRequest {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** @param conditions the conditions @return a request for the first default page */
    public static QueryRequest of(List<QueryCondition> conditions) {
        return new QueryRequest(conditions, DEFAULT_LIMIT, 0, false, false, null, true, List.of());
    }
}
