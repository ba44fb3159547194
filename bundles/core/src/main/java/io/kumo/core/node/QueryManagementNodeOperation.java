package io.kumo.core.node;

import io.kumo.api.node.ManagementNodeInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryService;
import io.kumo.core.operation.QueryResults;

/** {@code GET /management-nodes}: the nodes, their state, version, heartbeat and uptime. */
public class QueryManagementNodeOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("QueryManagementNode")
            .description("Query management nodes: state, version, last heartbeat and uptime")
            .kind(OperationKind.QUERY).resourceType("managementNode").inventoryType(ManagementNodeInventory.class)
            .rest(RestBinding.get("/management-nodes"))
            .build();

    private final ManagementNodeStore store;
    private final QueryService queries;

    /** Wires the operation. */
    public QueryManagementNodeOperation(ManagementNodeStore store, QueryService queries) {
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
