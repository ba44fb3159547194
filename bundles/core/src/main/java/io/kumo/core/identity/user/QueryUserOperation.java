package io.kumo.core.identity.user;

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

/** {@code GET /accounts/users}. */
public class QueryUserOperation extends QueryOperation {
    private final IdentityStore store;

    /** Wires the operation. */
    public QueryUserOperation(IdentityStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryUser").description("Query users of the caller's account (all users for the admin)")
                .kind(OperationKind.QUERY).resourceType("user").access(AccessLevel.TENANT).inventoryType(UserInventory.class)
                .rest(RestBinding.get("/accounts/users")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.query(UserEntity.class, IdentityQueries.ofCallerAccount(request, caller.caller(), "accountUuid"), UserEntity::toInventory);
    }
}
