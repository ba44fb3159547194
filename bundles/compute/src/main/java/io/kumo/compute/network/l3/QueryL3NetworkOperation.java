package io.kumo.compute.network.l3;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /l3-networks} and {@code /{uuid}}; conditions may join {@code ipRanges.*} and {@code dns.*}. */
public class QueryL3NetworkOperation extends QueryOperation {
    private final L3NetworkStore store;

    /** Wires the operation. */
    public QueryL3NetworkOperation(L3NetworkStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryL3Network").description("Query L3 networks")
                .kind(OperationKind.QUERY).resourceType(L3NetworkInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(L3NetworkInventory.class)
                .rest(RestBinding.get("/l3-networks")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
