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

/** {@code GET /volume-snapshots} and {@code GET /volume-snapshots/{uuid}}. */
public class QueryVolumeSnapshotOperation extends QueryOperation {
    private final VolumeSnapshotStore store;

    /** Wires the operation. */
    public QueryVolumeSnapshotOperation(VolumeSnapshotStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryVolumeSnapshot").description("Query volume snapshots")
                .kind(OperationKind.QUERY).resourceType(VolumeSnapshotInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
                .inventoryType(VolumeSnapshotInventory.class)
                .rest(RestBinding.get("/volume-snapshots")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
