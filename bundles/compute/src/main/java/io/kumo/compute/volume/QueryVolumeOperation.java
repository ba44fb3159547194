package io.kumo.compute.volume;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.vm.VolumeInventory;

/** {@code GET /volumes} and {@code GET /volumes/{uuid}}. */
public class QueryVolumeOperation extends QueryOperation {
    private final VolumeStore store;

    /** Wires the operation. */
    public QueryVolumeOperation(VolumeStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryVolume").description("Query volumes")
                .kind(OperationKind.QUERY).resourceType(VolumeInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(VolumeInventory.class)
                .rest(RestBinding.get("/volumes")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
