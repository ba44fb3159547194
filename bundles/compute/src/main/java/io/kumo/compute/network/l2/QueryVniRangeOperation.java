package io.kumo.compute.network.l2;

import io.kumo.api.network.VniRangeInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /l2-networks/vxlan-pool/vni-range} and {@code /{uuid}}. */
public class QueryVniRangeOperation extends QueryOperation {
    private final L2NetworkStore store;

    /** Wires the operation. */
    public QueryVniRangeOperation(L2NetworkStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryVniRange").description("Query the VNI ranges of VXLAN network pools")
                .kind(OperationKind.QUERY).resourceType(VniRangeInventory.RESOURCE_TYPE).inventoryType(VniRangeInventory.class)
                .rest(RestBinding.get("/l2-networks/vxlan-pool/vni-range")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.queryVniRanges(request); }
}
