package io.kumo.compute.storage;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
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
import io.kumo.api.storage.PrimaryStorageInventory;

import java.util.Map;

/**
 * {@code DELETE /primary-storage/{uuid}?deleteMode=Permissive|Enforcing}. As in ZStack, storage still attached to
 * clusters is refused in either mode (detach it first). Permissive refuses while volumes live on it; Enforcing
 * deletes them first.
 */
public class DeletePrimaryStorageOperation extends ExistingStorageOperation<PrimaryStorageEntity, PrimaryStorageStore, PrimaryStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DeletePrimaryStorage")
            .description("Delete primary storage that is attached to no cluster")
            .kind(OperationKind.DELETE).resourceType(PrimaryStorageInventory.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the primary storage"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("Permissive refuses while volumes are on it; Enforcing deletes them too"))
            .rest(RestBinding.delete("/primary-storage/{uuid}"))
            .build();

    private final DependentResourceService dependents;

    /** Wires the operation. */
    public DeletePrimaryStorageOperation(PrimaryStorageStore store, PrimaryStorageManager storages, EventPublisher events,
                                         DependentResourceService dependents) {
        super(DESCRIPTOR, "uuid", store, storages, events);
        this.dependents = dependents;
    }

    @Override
    public void check(OperationRequest request) {
        PrimaryStorageEntity ps = storages.require(uuidOf(request));
        if (!ps.getAttachedClusterUuids().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "primary storage " + ps.getUuid() + " is attached to clusters "
                    + ps.getAttachedClusterUuids() + "; detach it from them first");
        }
        if (!"Enforcing".equals(request.string("deleteMode"))) {
            dependents.requireNoDependents(PrimaryStorageInventory.RESOURCE_TYPE, ps.getUuid());
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                // a cascade cannot be undone: it runs first, so that a failure keeps the storage
                .step("delete-dependents", ctx -> {
                    // Enforcing: everything under it; Permissive (checked: nothing blocks): the attachments left
                    dependents.deleteDependents(PrimaryStorageInventory.RESOURCE_TYPE, uuid);
                })
                .step("delete", ctx -> {
                    PrimaryStorageEntity ps = store.find(uuid);
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
                        events.publish(new ResourceEvent(EventType.DELETED, PrimaryStorageInventory.RESOURCE_TYPE, uuid,
                                ctx.get("inventory"), null, null, null, null));
                    }
                })
                .build();
    }
}
