package io.kumo.core.identity.account;

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
import io.kumo.core.session.AccountEntity;

/** {@code GET /accounts}: the admin sees every account, others only their own. */
public class QueryAccountOperation extends QueryOperation {
    private final IdentityStore store;

    /** Wires the operation. */
    public QueryAccountOperation(IdentityStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryAccount").description("Query accounts: the admin sees all, an account only itself")
                .kind(OperationKind.QUERY).resourceType(AccountInventory.RESOURCE_TYPE).access(AccessLevel.AUTHENTICATED).inventoryType(AccountInventory.class)
                .rest(RestBinding.get("/accounts")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.query(AccountEntity.class, IdentityQueries.ofCallerAccount(request, caller.caller(), "uuid"), AccountEntity::toInventory);
    }
}
