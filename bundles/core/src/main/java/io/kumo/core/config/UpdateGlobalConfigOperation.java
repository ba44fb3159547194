package io.kumo.core.config;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/**
 * {@code PUT /global-configurations/{category}/{name}/actions {"updateGlobalConfig":{"value":...}}}: validated
 * against the setting's type and limits, applied live on every node through an event.
 */
public class UpdateGlobalConfigOperation implements AsyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpdateGlobalConfig")
            .description("Change a global configuration setting; it applies at once on every management node")
            .kind(OperationKind.ACTION).resourceType(GlobalConfigManager.RESOURCE_TYPE).inventoryType(GlobalConfigInventory.class)
            .param(ParameterDescriptor.string("category").mandatory().range(1, 64).describedAs("setting category"))
            .param(ParameterDescriptor.string("name").mandatory().range(1, 128).describedAs("setting name"))
            .param(ParameterDescriptor.string("value").mandatory().maxLength(2048).describedAs("the new value"))
            .rest(RestBinding.put("/global-configurations/{category}/{name}/actions", "updateGlobalConfig"))
            .build();

    private final GlobalConfigManager manager;
    private final GlobalConfigStore store;
    private final EventPublisher events;

    /** Wires the operation. */
    public UpdateGlobalConfigOperation(GlobalConfigManager manager, GlobalConfigStore store, EventPublisher events) {
        this.manager = manager;
        this.store = store;
        this.events = events;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public String serializationKey(OperationRequest request) {
        return "globalConfig:" + request.string("category") + "." + request.string("name");
    }

    @Override
    public void check(OperationRequest request) {
        GlobalConfigDefinition d = manager.definition(request.string("category"), request.string("name"));
        manager.validate(d, request.string("value"));
    }

    @Override
    public Flow flow(OperationRequest request) {
        String category = request.string("category");
        String name = request.string("name");
        return Flow.named(DESCRIPTOR.name())
                .step("update-value", ctx -> {
                    String value = manager.validate(manager.definition(category, name), request.string("value"));
                    ctx.put("oldValue", store.find(category, name).getValue());
                    store.updateValue(category, name, value);
                }, ctx -> {
                    if (ctx.getString("oldValue") != null) {
                        store.updateValue(category, name, ctx.getString("oldValue"));
                    }
                })
                .step("apply", ctx -> {
                    GlobalConfigInventory inv = GlobalConfigInventory.of(store.find(category, name));
                    manager.applied(category, name, inv.value());
                    ctx.result(OperationResult.inventory(inv));
                    events.publish(new ResourceEvent(EventType.UPDATED, GlobalConfigManager.RESOURCE_TYPE, category + "." + name,
                            inv, null, null, null, null));
                })
                .build();
    }
}
