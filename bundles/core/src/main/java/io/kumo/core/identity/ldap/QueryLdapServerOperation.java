package io.kumo.core.identity.ldap;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /ldap/servers} and {@code GET /ldap/servers/{uuid}}; the password is neither returned nor queryable. */
public class QueryLdapServerOperation extends QueryOperation {
    private final LdapStore store;

    /** Wires the operation. */
    public QueryLdapServerOperation(LdapStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryLdapServer").description("Query LDAP servers (admin only)")
                .kind(OperationKind.QUERY).resourceType(LdapServerInventory.RESOURCE_TYPE).permission("ldap:read")
                .inventoryType(LdapServerInventory.class)
                .rest(RestBinding.get("/ldap/servers")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        LdapManager.requireAdmin(caller);
        for (QueryCondition c : request.conditions()) {
            requireNotSecret(c.field());
        }
        if (request.sortBy() != null) {
            requireNotSecret(request.sortBy());
        }
        return store.queryServers(request);
    }

    /** Conditions on the password would let a caller guess it one query at a time. */
    private static void requireNotSecret(String field) {
        if (field != null && field.trim().equalsIgnoreCase("password")) {
            throw new ApiException(ErrorCode.INVALID_QUERY, "the field password of LDAP servers cannot be queried or sorted on");
        }
    }
}
