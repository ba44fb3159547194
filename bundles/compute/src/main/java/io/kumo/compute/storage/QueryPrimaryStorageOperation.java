package io.kumo.compute.storage;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.storage.PrimaryStorageInventory;

/** {@code GET /primary-storage} and {@code GET /primary-storage/{uuid}}. */
public class QueryPrimaryStorageOperation extends QueryOperation {
    private final PrimaryStorageStore store;

    /** Wires the operation. */
    public QueryPrimaryStorageOperation(PrimaryStorageStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryPrimaryStorage").description("Query primary storage")
                .kind(OperationKind.QUERY).resourceType(PrimaryStorageInventory.RESOURCE_TYPE)
                .inventoryType(PrimaryStorageInventory.class).rest(RestBinding.get("/primary-storage")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
