package io.kumo.core.zone;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.zone.ZoneInventory;

/** {@code GET /zones} and {@code GET /zones/{uuid}}. */
public class QueryZoneOperation extends QueryOperation {
    private final ZoneStore store;

    /** Wires the operation. */
    public QueryZoneOperation(ZoneStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryZone").description("Query zones")
                .kind(OperationKind.QUERY).resourceType(ZoneInventory.RESOURCE_TYPE).inventoryType(ZoneInventory.class)
                .rest(RestBinding.get("/zones")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
