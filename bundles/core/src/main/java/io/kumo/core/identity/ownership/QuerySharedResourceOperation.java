package io.kumo.core.identity.ownership;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.core.identity.IdentityQueries;

/** {@code GET /accounts/resources}: sharings; a tenant sees those of its own resources. */
public class QuerySharedResourceOperation extends QueryOperation {
    private final OwnershipStore store;

    /** Wires the operation. */
    public QuerySharedResourceOperation(OwnershipStore store, QueryService queries) {
        super(OperationDescriptor.builder("QuerySharedResource").description("Query sharings of resources")
                .kind(OperationKind.QUERY).resourceType("sharedResource").access(AccessLevel.AUTHENTICATED).inventoryType(SharedResourceInventory.class)
                .rest(RestBinding.get("/accounts/resources")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.queryShares(IdentityQueries.ofCallerAccount(request, caller.caller(), "ownerAccountUuid"));
    }
}
