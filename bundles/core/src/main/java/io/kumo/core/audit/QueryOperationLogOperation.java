package io.kumo.core.audit;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /operation-logs}: what mutating operations were run, by whom, described for people (admin only). */
public class QueryOperationLogOperation extends QueryOperation {
    private final AuditStore store;

    /** Wires the operation. */
    public QueryOperationLogOperation(AuditStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryOperationLog").description("Query the operation log")
                .kind(OperationKind.QUERY).resourceType(OperationLogInventory.RESOURCE_TYPE)
                .inventoryType(OperationLogInventory.class).permission(QueryAuditOperation.PERMISSION)
                .rest(RestBinding.get("/operation-logs")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.queryOperationLogs(request); }
}
