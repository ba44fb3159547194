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

import java.util.Map;

/** {@code PUT /backup-storage/{uuid}/actions {"changeBackupStorageState":{"stateEvent":"enable|disable"}}}. */
public class ChangeBackupStorageStateOperation extends ExistingStorageOperation<BackupStorageEntity, BackupStorageStore, BackupStorageManager> {
    private static final Map<String, String> STATES = Map.of("enable", "Enabled", "disable", "Disabled");
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangeBackupStorageState")
            .description("Enable or disable backup storage; only enabled storage takes new images")
            .kind(OperationKind.ACTION).resourceType(BackupStorageInventory.RESOURCE_TYPE).inventoryType(BackupStorageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the backup storage"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable").describedAs("enable or disable"))
            .rest(RestBinding.put("/backup-storage/{uuid}/actions", "changeBackupStorageState"))
            .build();

    /** Wires the operation. */
    public ChangeBackupStorageStateOperation(BackupStorageStore store, BackupStorageManager storages, EventPublisher events) {
        super(DESCRIPTOR, "uuid", store, storages, events);
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = uuidOf(request);
        String newState = STATES.get(request.string("stateEvent"));
        return Flow.named(DESCRIPTOR.name())
                .step("change-state", ctx -> {
                    ctx.put("oldState", storages.require(uuid).getState());
                    store.update(uuid, ps -> ps.setState(newState));
                }, ctx -> {
                    if (ctx.get("oldState") != null) {
                        store.update(uuid, ps -> ps.setState(ctx.getString("oldState")));
                    }
                })
                .step("announce", ctx -> {
                    String old = ctx.getString("oldState");
                    if (newState.equals(old)) {
                        announce(ctx, uuid, EventType.UPDATED, null, null);
                    } else {
                        announce(ctx, uuid, EventType.STATE_CHANGED, old, newState);
                    }
                })
                .build();
    }
}
