package io.kumo.core.identity;

import io.kumo.api.operation.Caller;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;

import java.util.ArrayList;
import java.util.List;

/** Narrows identity queries so that a tenant sees only its own account's records; the admin sees everything. */
public final class IdentityQueries {
    private IdentityQueries() { }

    /**
     * @param request the query
     * @param caller  who asks
     * @param field   the field naming the account, e.g. {@code accountUuid}
     * @return the query, with {@code field = caller's account} unless the caller is the admin
     */
    public static QueryRequest ofCallerAccount(QueryRequest request, Caller caller, String field) {
        if (caller.admin()) {
            return request;
        }
        List<QueryCondition> conditions = new ArrayList<>(request.conditions());
        conditions.add(new QueryCondition(field, QueryOperator.EQ, caller.accountUuid()));
        return new QueryRequest(conditions, request.limit(), request.start(), request.count(), request.replyWithCount(),
                request.sortBy(), request.ascending(), request.fields());
    }
}
