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

/** {@code GET /vm-instances} and {@code GET /vm-instances/{uuid}}; joins such as {@code vmNics.ip=} and {@code allVolumes.primaryStorageUuid=}. */
public class QueryVmInstanceOperation extends QueryOperation {
    private final VmStore store;

    /** Wires the operation. */
    public QueryVmInstanceOperation(VmStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryVmInstance").description("Query VM instances")
                .kind(OperationKind.QUERY).resourceType(VmInstanceInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VmInstanceInventory.class)
                .rest(RestBinding.get("/vm-instances")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
