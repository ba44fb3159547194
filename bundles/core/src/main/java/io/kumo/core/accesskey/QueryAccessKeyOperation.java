package io.kumo.core.accesskey;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /accesskeys}: the caller's keys (a user: its own; administrators: all), never their secrets. */
public class QueryAccessKeyOperation extends QueryOperation {
    private final AccessKeyStore store;

    /** Wires the operation. */
    public QueryAccessKeyOperation(AccessKeyStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryAccessKey").description("Query access keys (secrets are never returned)")
                .kind(OperationKind.QUERY).access(io.kumo.api.operation.AccessLevel.AUTHENTICATED).resourceType(AccessKeyInventory.RESOURCE_TYPE).inventoryType(AccessKeyInventory.class)
                .rest(RestBinding.get("/accesskeys")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        for (QueryCondition c : request.conditions()) {
            if (c.field().toLowerCase().contains("secret")) {
                throw new ApiException(ErrorCode.INVALID_QUERY, "access-key secrets cannot be queried");
            }
        }
        for (String f : request.fields()) {
            if (f.toLowerCase().contains("secret")) {
                throw new ApiException(ErrorCode.INVALID_QUERY, "access-key secrets cannot be returned");
            }
        }
        QueryRequest r = request;
        if (!caller.caller().admin()) {
            List<QueryCondition> cs = new ArrayList<>(request.conditions());
            cs.add(new QueryCondition("accountUuid", QueryOperator.EQ, caller.caller().accountUuid()));
            if (caller.caller().userUuid() != null) {
                cs.add(new QueryCondition("userUuid", QueryOperator.EQ, caller.caller().userUuid()));
            }
            r = new QueryRequest(cs, request.limit(), request.start(), request.count(), request.replyWithCount(),
                    request.sortBy(), request.ascending(), request.fields());
        }
        return store.query(r);
    }
}
