package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.BackupStorageInventory;

import java.util.Map;

/**
 * {@code DELETE /backup-storage/{uuid}?deleteMode=Permissive|Enforcing}. It is detached from its zones. Permissive refuses
 * while images have copies on it; Enforcing deletes those copies (and the images that had no other) first.
 */
public class DeleteBackupStorageOperation extends ExistingStorageOperation<BackupStorageEntity, BackupStorageStore, BackupStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeleteBackupStorage")
            .description("Delete backup storage")
            .kind(OperationKind.DELETE).resourceType(BackupStorageInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the backup storage"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while images are on it; Enforcing deletes them too"))
            .rest(RestBinding.delete("/backup-storage/{uuid}"))
            .build();

    private final DependentResourceService dependents;

    /** Wires the operation. */
    public DeleteBackupStorageOperation(BackupStorageStore store, BackupStorageManager storages, EventPublisher events,
                                         DependentResourceService dependents) {
        super(DESCRIPTOR, "uuid", store, storages, events);
        this.dependents = dependents;
    }

    @Override
    public void check(OperationRequest request) {
        BackupStorageEntity ps = storages.require(uuidOf(request));
        if (!"Enforcing".equals(request.string("deleteMode"))) {
            dependents.requireNoDependents(BackupStorageInventory.RESOURCE_TYPE, ps.getUuid());
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                // a cascade cannot be undone: it runs first, so that a failure keeps the storage
                .step("delete-dependents", ctx -> {
                    // Enforcing: everything under it; Permissive (checked: nothing blocks): the attachments left
                    dependents.deleteDependents(BackupStorageInventory.RESOURCE_TYPE, uuid);
                })
                .step("delete", ctx -> {
                    BackupStorageEntity ps = store.find(uuid);
                    if (ps != null) {
                        ctx.put("storage", Snapshots.of(ps));
                        ctx.put("inventory", Snapshots.of(ps.toInventory()));
                        store.delete(uuid);
                    }
                }, ctx -> {
                    if (ctx.get("storage") instanceof Map<?, ?> saved) {
                        store.restore(saved);
                    }
                })
                .step("announce", ctx -> {
                    if (ctx.get("inventory") != null) {
                        events.publish(new ResourceEvent(EventType.DELETED, BackupStorageInventory.RESOURCE_TYPE, uuid,
                                ctx.get("inventory"), null, null, null, null));
                    }
                })
                .build();
    }
}
