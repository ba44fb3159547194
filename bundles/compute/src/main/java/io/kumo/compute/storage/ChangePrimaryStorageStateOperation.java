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

import java.util.Map;

/** {@code PUT /primary-storage/{uuid}/actions {"changePrimaryStorageState":{"stateEvent":"enable|disable|maintain"}}}. */
public class ChangePrimaryStorageStateOperation extends ExistingStorageOperation<PrimaryStorageEntity, PrimaryStorageStore, PrimaryStorageManager> {
    private static final Map<String, String> STATES = Map.of("enable", "Enabled", "disable", "Disabled", "maintain", "Maintenance");
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ChangePrimaryStorageState")
            .description("Enable, disable or put into maintenance primary storage; only enabled storage takes new volumes")
            .kind(OperationKind.ACTION).resourceType(PrimaryStorageInventory.RESOURCE_TYPE).inventoryType(PrimaryStorageInventory.class)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the primary storage"))
            .param(ParameterDescriptor.string("stateEvent").mandatory().oneOf("enable", "disable", "maintain").describedAs("enable, disable or maintain"))
            .rest(RestBinding.put("/primary-storage/{uuid}/actions", "changePrimaryStorageState"))
            .build();

    /** Wires the operation. */
    public ChangePrimaryStorageStateOperation(PrimaryStorageStore store, PrimaryStorageManager storages, EventPublisher events) {
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
