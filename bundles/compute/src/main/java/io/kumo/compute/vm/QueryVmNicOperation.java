package io.kumo.compute.vm;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.api.vm.VmNicInventory;

/** {@code GET /nics}: VM NICs. */
public class QueryVmNicOperation extends QueryOperation {
    private final VmStore store;

    /** Wires the operation. */
    public QueryVmNicOperation(VmStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryVmNic").description("Query VM NICs")
                .kind(OperationKind.QUERY).resourceType(VmInstanceInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VmNicInventory.class)
                .rest(RestBinding.get("/vm-instances/nics")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.queryNics(request); }
}
