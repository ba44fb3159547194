package io.kumo.core.identity.group;

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

/** {@code GET /accounts/groups}. */
public class QueryUserGroupOperation extends QueryOperation {
    private final IdentityStore store;

    /** Wires the operation. */
    public QueryUserGroupOperation(IdentityStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryUserGroup").description("Query user groups of the caller's account")
                .kind(OperationKind.QUERY).resourceType("userGroup").access(AccessLevel.TENANT).inventoryType(UserGroupInventory.class)
                .rest(RestBinding.get("/accounts/groups")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.query(UserGroupEntity.class, IdentityQueries.ofCallerAccount(request, caller.caller(), "accountUuid"), UserGroupEntity::toInventory);
    }
}
