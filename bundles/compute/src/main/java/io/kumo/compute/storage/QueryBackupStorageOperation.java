package io.kumo.compute.storage;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.query.QueryOperation;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;
import io.kumo.api.storage.BackupStorageInventory;

/** {@code GET /backup-storage} and {@code GET /backup-storage/{uuid}}. */
public class QueryBackupStorageOperation extends QueryOperation {
    private final BackupStorageStore store;

    /** Wires the operation. */
    public QueryBackupStorageOperation(BackupStorageStore store, QueryService queries) {
        super(OperationDescriptor.builder("QueryBackupStorage").description("Query backup storage")
                .kind(OperationKind.QUERY).resourceType(BackupStorageInventory.RESOURCE_TYPE)
                .inventoryType(BackupStorageInventory.class).rest(RestBinding.get("/backup-storage")).build(), queries);
        this.store = store;
    }

    @Override
    protected QueryResult<Object> query(QueryRequest request, OperationRequest caller) { return store.query(request); }
}
