package io.kumo.compute.storage;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.storage.PrimaryStorageInventory;

/** {@code PUT /primary-storage/{uuid}/actions {"updatePrimaryStorage":{...}}}: renames, redescribes or moves it. */
public class UpdatePrimaryStorageOperation extends ExistingStorageOperation<PrimaryStorageEntity, PrimaryStorageStore, PrimaryStorageManager> {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdatePrimaryStorage")
            .description("Change the name, description or URL of primary storage")
            .kind(OperationKind.ACTION).resourceType(PrimaryStorageInventory.RESOURCE_TYPE).inventoryType(PrimaryStorageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the primary storage"))
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .param(ParameterDescriptor.string("url").range(1, 2048).describedAs("new URL; reconnect to use it"))
            .rest(RestBinding.put("/primary-storage/{uuid}/actions", "updatePrimaryStorage"))
            .build();

    /** Wires the operation. */
    public UpdatePrimaryStorageOperation(PrimaryStorageStore store, PrimaryStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "uuid", store, storages, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        return Flow.named(DESCRIPTOR.name())
                .step("update", ctx -> {
                    PrimaryStorageEntity before = storages.require(uuid);
                    ctx.put("oldName", before.getName());
                    ctx.put("oldDescription", before.getDescription());
                    ctx.put("oldUrl", before.getUrl());
                    store.update(uuid, ps -> {
                        if (request.has("name")) {
                            ps.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            ps.setDescription(request.string("description"));
                        }
                        if (request.has("url")) {
                            ps.setUrl(request.string("url"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("oldName") != null) {
                        store.update(uuid, ps -> {
                            ps.setName(ctx.getString("oldName"));
                            ps.setDescription(ctx.getString("oldDescription"));
                            ps.setUrl(ctx.getString("oldUrl"));
                        });
                    }
                })
                .step("announce", ctx -> announce(ctx, uuid, EventType.UPDATED, null, null))
                .build();
    }
}
