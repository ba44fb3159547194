package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.BackupStorageInventory;

/** {@code PUT /backup-storage/{uuid}/actions {"updateBackupStorage":{...}}}: renames or redescribes it. */
public class UpdateBackupStorageOperation extends ExistingStorageOperation<BackupStorageEntity, BackupStorageStore, BackupStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateBackupStorage")
            .description("Change the name or description of backup storage")
            .kind(OperationKind.ACTION).resourceType(BackupStorageInventory.RESOURCE_TYPE).inventoryType(BackupStorageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the backup storage"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .rest(RestBinding.put("/backup-storage/{uuid}/actions", "updateBackupStorage"))
            .build();

    /** Wires the operation. */
    public UpdateBackupStorageOperation(BackupStorageStore store, BackupStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "uuid", store, storages, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("update", ctx -> {
                    BackupStorageEntity before = storages.require(uuid);
                    ctx.put("oldName", before.getName());
                    ctx.put("oldDescription", before.getDescription());
                    store.update(uuid, ps -> {
                        if (request.has("name")) {
                            ps.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            ps.setDescription(request.string("description"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("oldName") != null) {
                        store.update(uuid, ps -> {
                            ps.setName(ctx.getString("oldName"));
                            ps.setDescription(ctx.getString("oldDescription"));
                        });
                    }
                })
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
