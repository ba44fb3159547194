package io.kumo.core.audit;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

/** {@code GET /audits} and {@code GET /audits/{uuid}}: the API audit log (admin only, permission {@code audit:read}). */
public class QueryAuditOperation extends QueryOperation {
    /** The permission of the audit log and the operation log. */
    public static final String PERMISSION = "audit:read";
    private final AuditStore store;

    /** Wires the operation. */
    public QueryAuditOperation(AuditStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryAudit").description("Query the API audit log")
                .kind(OperationKind.QUERY).resourceType(AuditInventory.RESOURCE_TYPE).inventoryType(AuditInventory.class)
                .permission(PERMISSION).rest(RestBinding.get("/audits")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
