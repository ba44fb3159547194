package io.kumo.core.identity.policy;

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
import io.kumo.core.identity.IdentityStore;

/** {@code GET /accounts/policies}. */
public class QueryPolicyOperation extends QueryOperation {
    private final IdentityStore store;

    /** Wires the operation. */
    public QueryPolicyOperation(IdentityStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryPolicy").description("Query policies of the caller's account")
                .kind(OperationKind.QUERY).resourceType("policy").access(AccessLevel.TENANT).inventoryType(PolicyInventory.class)
                .rest(RestBinding.get("/accounts/policies")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.query(PolicyEntity.class, IdentityQueries.ofCallerAccount(request, caller.caller(), "accountUuid"), PolicyEntity::toInventory);
    }
}
