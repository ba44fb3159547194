package io.kumo.core.node;

import io.kumo.api.node.ManagementNodeInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /management-nodes}: the nodes, their state, version, heartbeat and uptime. */
public class QueryManagementNodeOperation extends QueryOperation {
    private final ManagementNodeStore store;

    /** Wires the operation. */
    public QueryManagementNodeOperation(ManagementNodeStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryManagementNode")
                .description("Query management nodes: state, version, last heartbeat and uptime")
                .kind(OperationKind.QUERY).resourceType("managementNode").inventoryType(ManagementNodeInventory.class)
                .rest(RestBinding.get("/management-nodes")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
