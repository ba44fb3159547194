package io.kumo.query;

import java.util.List;

/**
 * A query validated against the entity: every field resolved and every value converted, so running it can only
 * fail for database reasons.
 *
 * @param conditions the conditions, all of which must hold
 * @param sort       the path to sort by, or null
 * @param ascending  the sort direction
 * @param id         the id attribute used to make the order stable, or null if the entity has no single id
 * @param distinct   true if a collection join may repeat rows, so the query must be DISTINCT
 * @param fields     the top-level fields to return, or empty for whole inventories
 * @param limit      the page size
 * @param start      the offset of the first row
 */
record QueryPlan(List<PlannedCondition> conditions, FieldPath sort, boolean ascending, FieldPath id,
                 boolean distinct, List<String> fields, int limit, int start) {
    QueryPlan {
        conditions = List.copyOf(conditions);
        fields = List.copyOf(fields);
    }
}
