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

/** {@code GET /accounts/resources/refs}. */
public class QueryAccountResourceRefOperation extends QueryOperation {
    private final OwnershipStore store;

    /** Wires the operation. */
    public QueryAccountResourceRefOperation(OwnershipStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryAccountResourceRef").description("Query which account owns which resource")
                .kind(OperationKind.QUERY).resourceType("accountResourceRef").access(AccessLevel.AUTHENTICATED).inventoryType(AccountResourceRefInventory.class)
                .rest(RestBinding.get("/accounts/resources/refs")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.queryRefs(IdentityQueries.ofCallerAccount(request, caller.caller(), "accountUuid"));
    }
}
