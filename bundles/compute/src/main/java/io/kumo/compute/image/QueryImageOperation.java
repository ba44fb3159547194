package io.kumo.compute.image;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /images} and {@code GET /images/{uuid}}, with their copies on backup storage. */
public class QueryImageOperation extends QueryOperation {
    private final ImageStore store;

    /** Wires the operation. */
    public QueryImageOperation(ImageStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryImage").description("Query images")
                .kind(OperationKind.QUERY).resourceType(ImageInventory.RESOURCE_TYPE).access(AccessLevel.TENANT).inventoryType(ImageInventory.class)
                .rest(RestBinding.get("/images")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
