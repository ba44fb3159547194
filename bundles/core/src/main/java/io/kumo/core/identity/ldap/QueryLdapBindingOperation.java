package io.kumo.core.identity.ldap;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /ldap/bindings} and {@code GET /ldap/bindings/{uuid}}. */
public class QueryLdapBindingOperation extends QueryOperation {
    private final LdapStore store;

    /** Wires the operation. */
    public QueryLdapBindingOperation(LdapStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryLdapBinding").description("Query the bindings of LDAP users to accounts (admin only)")
                .kind(OperationKind.QUERY).resourceType(LdapBindingInventory.RESOURCE_TYPE).permission("ldap:read")
                .inventoryType(LdapBindingInventory.class)
                .rest(RestBinding.get("/ldap/bindings")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        LdapManager.requireAdmin(caller);
        return store.queryBindings(request);
    }
}
