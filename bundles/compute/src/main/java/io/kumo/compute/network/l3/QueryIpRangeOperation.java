package io.kumo.compute.network.l3;

import io.kumo.api.network.IpRangeInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.compute.network.NetworkEvents;

/** {@code GET /l3-networks/ip-ranges} and {@code /{uuid}}. */
public class QueryIpRangeOperation extends QueryOperation {
    private final L3NetworkStore store;

    /** Wires the operation. */
    public QueryIpRangeOperation(L3NetworkStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryIpRange").description("Query IP ranges")
                .kind(OperationKind.QUERY).resourceType(NetworkEvents.IP_RANGE).inventoryType(IpRangeInventory.class)
                .rest(RestBinding.get("/l3-networks/ip-ranges")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.queryRanges(request); }
}
