package io.kumo.core.zone;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryService;
import io.kumo.api.zone.ZoneInventory;
import io.kumo.core.operation.QueryResults;

/** {@code GET /zones} and {@code GET /zones/{uuid}}. */
public class QueryZoneOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("QueryZone")
            .description("Query zones")
            .kind(OperationKind.QUERY).resourceType(ZoneInventory.RESOURCE_TYPE).inventoryType(ZoneInventory.class)
            .rest(RestBinding.get("/zones"))
            .build();

    private final ZoneStore store;
    private final QueryService queries;

    /** Wires the operation. */
    public QueryZoneOperation(ZoneStore store, QueryService queries) {
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
