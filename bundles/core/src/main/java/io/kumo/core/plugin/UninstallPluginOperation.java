package io.kumo.core.plugin;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.plugin.PluginInventory;
import io.kumo.api.plugin.PluginService;

/**
 * {@code DELETE /plugins/{name}}: uninstalls a plugin from the node that receives the call; its operations stop
 * being served at once, its persisted data stays. Kernel bundles are refused.
 */
public class UninstallPluginOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UninstallPlugin")
            .description("Uninstall a plugin from this management node; its data stays in the database")
            .kind(OperationKind.DELETE).async(false).resourceType(PluginInventory.RESOURCE_TYPE).inventoryType(PluginInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).matching(QueryPluginOperation.NAME_PATTERN)
                    .describedAs("the plugin's name (bundle symbolic name)"))
            .rest(RestBinding.delete("/plugins/{name}"))
            .build();

    private final PluginService plugins;

    /** @param plugins the plugins of this node */
    public UninstallPluginOperation(PluginService plugins) { this.plugins = plugins; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(plugins.uninstall(request.string("name")));
    }
}
