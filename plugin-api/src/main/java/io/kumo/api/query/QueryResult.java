package io.kumo.api.query;

import java.util.List;

/**
 * A page of query results.
 *
 * @param rows  the rows of the page (empty for a count-only query)
 * @param total the total number of matches, or null if not asked for
 * @param <T>   the row type
 */
public record QueryResult<T>(List<T> rows, Long total) {
    /** Canonical constructor: copies the rows. */
    public QueryResult {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
