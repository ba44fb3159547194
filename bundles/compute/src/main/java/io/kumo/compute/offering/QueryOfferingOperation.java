package io.kumo.compute.offering;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /instance-offerings} or {@code GET /disk-offerings}, and by uuid. */
public class QueryOfferingOperation extends QueryOperation {
    private final OfferingKind kind;
    private final OfferingStore store;

    /** Wires the operation of a kind of offering. */
    public QueryOfferingOperation(OfferingKind kind, OfferingStore store, QueryService queries) {
        super(OperationDescriptor.builder("Query" + kind.operationSuffix).description("Query " + kind.what + "s")
                .kind(OperationKind.QUERY).resourceType(kind.resourceType).access(AccessLevel.TENANT).inventoryType(kind.inventory)
                .rest(RestBinding.get(kind.path)).build(), queries);
        this.kind = kind;
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(kind.entity, request); }
}
