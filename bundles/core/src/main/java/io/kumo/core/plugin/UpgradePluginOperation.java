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
 * {@code PUT /plugins/{name}/actions {"upgradePlugin":{"url":...}}}: replaces a plugin's bundle with a new build of
 * the same bundle (stopped, updated, restarted) on the node that receives the call.
 */
public class UpgradePluginOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("UpgradePlugin")
            .description("Upgrade a plugin on this management node to the bundle jar at a mvn:, file: or http(s): URL")
            .kind(OperationKind.ACTION).async(false).resourceType(PluginInventory.RESOURCE_TYPE).inventoryType(PluginInventory.class)
            .param(ParameterDescriptor.string("name").mandatory().range(1, 255).matching(QueryPluginOperation.NAME_PATTERN)
                    .describedAs("the plugin's name (bundle symbolic name)"))
            .param(ParameterDescriptor.string("url").mandatory().range(1, 2048)
                    .describedAs("mvn:, file: or http(s): URL of the new bundle jar"))
            .rest(RestBinding.put("/plugins/{name}/actions", "upgradePlugin"))
            .build();

    private final PluginService plugins;

    /** @param plugins the plugins of this node */
    public UpgradePluginOperation(PluginService plugins) { this.plugins = plugins; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        return OperationResult.inventory(plugins.upgrade(request.string("name"), request.string("url")));
    }
}
