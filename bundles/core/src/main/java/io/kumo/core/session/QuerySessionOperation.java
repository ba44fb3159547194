package io.kumo.core.session;

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

/** {@code GET /accounts/sessions}: the admin lists every session, an account its own; end one with {@code LogOut}. */
public class QuerySessionOperation extends QueryOperation {
    private final IdentityStore store;

    /** Wires the operation. */
    public QuerySessionOperation(IdentityStore store, QueryService queries) {
        super(OperationDescriptor.builder("QuerySession").description("Query sessions: the admin sees all, an account its own")
                .kind(OperationKind.QUERY).resourceType(SessionManager.RESOURCE_TYPE).access(AccessLevel.AUTHENTICATED)
                .inventoryType(SessionInventory.class).rest(RestBinding.get("/accounts/sessions")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.query(SessionEntity.class, IdentityQueries.ofCallerAccount(request, caller.caller(), "accountUuid"), SessionEntity::toInventory);
    }
}
