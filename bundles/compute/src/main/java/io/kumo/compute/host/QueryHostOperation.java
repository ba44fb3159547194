package io.kumo.compute.host;

import io.kumo.api.host.HostInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /hosts} and {@code GET /hosts/{uuid}}. */
public class QueryHostOperation extends QueryOperation {
    private final HostStore store;
    private final HostManager hosts;

    /** Wires the operation. */
    public QueryHostOperation(HostStore store, HostManager hosts, QueryService queries) {
        super(OperationDescriptor.builder("QueryHost").description("Query hosts")
                .kind(OperationKind.QUERY).resourceType(HostInventory.RESOURCE_TYPE).inventoryType(HostInventory.class)
                .rest(RestBinding.get("/hosts")).build(), queries);
        this.store = store;
        this.hosts = hosts;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.query(request, hosts::toInventory);
    }
}
