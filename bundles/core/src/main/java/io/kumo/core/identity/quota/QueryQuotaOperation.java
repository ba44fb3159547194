package io.kumo.core.identity.quota;

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

/**
 * {@code GET /accounts/quotas}: the quota values set for accounts (an account without a row has the default, which
 * {@code GetAccountQuotaUsage} shows); the admin sees every account's, others only their own.
 */
public class QueryQuotaOperation extends QueryOperation {
    private final QuotaStore store;

    /** Wires the operation. */
    public QueryQuotaOperation(QuotaStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryQuota").description("Query the quota values set for accounts; an account sees its own")
                .kind(OperationKind.QUERY).resourceType(QuotaInventory.RESOURCE_TYPE).access(AccessLevel.AUTHENTICATED)
                .inventoryType(QuotaInventory.class).rest(RestBinding.get("/accounts/quotas")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) {
        return store.query(IdentityQueries.ofCallerAccount(request, caller.caller(), "identityUuid"));
    }
}
