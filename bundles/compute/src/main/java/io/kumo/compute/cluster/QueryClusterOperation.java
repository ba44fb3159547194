package io.kumo.compute.cluster;

import io.kumo.api.cluster.ClusterInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /clusters} and {@code GET /clusters/{uuid}}. */
public class QueryClusterOperation extends QueryOperation {
    private final ClusterStore store;

    /** Wires the operation. */
    public QueryClusterOperation(ClusterStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryCluster").description("Query clusters")
                .kind(OperationKind.QUERY).resourceType(ClusterInventory.RESOURCE_TYPE).inventoryType(ClusterInventory.class)
                .rest(RestBinding.get("/clusters")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
