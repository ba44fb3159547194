package io.kumo.core.config;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /global-configurations}. */
public class QueryGlobalConfigOperation extends QueryOperation {
    private final GlobalConfigStore store;

    /** Wires the operation. */
    public QueryGlobalConfigOperation(GlobalConfigStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryGlobalConfig")
                .description("Query global configuration settings, their values and documented defaults")
                .kind(OperationKind.QUERY).resourceType(GlobalConfigManager.RESOURCE_TYPE).inventoryType(GlobalConfigInventory.class)
                .rest(RestBinding.get("/global-configurations")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
