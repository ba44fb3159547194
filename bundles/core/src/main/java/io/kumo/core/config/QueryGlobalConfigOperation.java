package io.kumo.core.config;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryService;
import io.kumo.core.operation.QueryResults;

/** {@code GET /global-configurations}. */
public class QueryGlobalConfigOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("QueryGlobalConfig")
            .description("Query global configuration settings, their values and documented defaults")
            .kind(OperationKind.QUERY).resourceType(GlobalConfigManager.RESOURCE_TYPE).inventoryType(GlobalConfigInventory.class)
            .rest(RestBinding.get("/global-configurations"))
            .build();

    private final GlobalConfigStore store;
    private final QueryService queries;

    /** Wires the operation. */
    public QueryGlobalConfigOperation(GlobalConfigStore store, QueryService queries) {
        this.store = store;
        this.queries = queries;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        QueryRequest q = queries.parse(request);
        return QueryResults.toResult(q, store.query(q));
    }
}
