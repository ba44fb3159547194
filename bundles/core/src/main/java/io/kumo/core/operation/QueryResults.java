package io.kumo.core.operation;

import io.kumo.api.operation.OperationResult;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;

import java.util.Map;

/** Shapes a query result as ZStack does: {@code {"total":N}} for count queries, else inventories (with total if asked). */
public final class QueryResults {
    private QueryResults() { }

    /** @param request the query @param result its result @return the reply body */
    public static OperationResult toResult(QueryRequest request, QueryResult<Object> result) {
        if (request.count()) {
            return OperationResult.of(Map.of("total", result.total() == null ? 0L : result.total()));
        }
        return OperationResult.inventories(result.rows(), request.replyWithCount() ? result.total() : null);
    }
}
