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

import java.util.List;

/**
 * {@code POST /plugins {"params":{"url":...,"feature":...}}}: installs and starts a plugin on the node that receives
 * the call (a bundle jar, a {@code .kar}, or a feature of a {@code features.xml}); answers with the plugins added.
 * Synchronous and node-local: bundles live in one node's framework, so it is no job and is not routed to an owner.
 */
public class InstallPluginOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("InstallPlugin")
            .description("Install and start a plugin on this management node from a mvn:, file: or http(s): URL")
            .kind(OperationKind.CREATE).async(false).resourceType(PluginInventory.RESOURCE_TYPE).inventoryType(PluginInventory.class)
            .param(ParameterDescriptor.string("url").mandatory().range(1, 2048)
                    .describedAs("mvn:, file: or http(s): URL of a bundle jar, a .kar, or a features repository (features.xml)"))
            .param(ParameterDescriptor.string("feature").range(1, 255)
                    .describedAs("for a features repository, the feature to install"))
            .rest(RestBinding.post("/plugins"))
            .build();

    private final PluginService plugins;

    /** @param plugins the plugins of this node */
    public InstallPluginOperation(PluginService plugins) { this.plugins = plugins; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        List<PluginInventory> added = plugins.install(request.string("url"), request.string("feature"));
        return OperationResult.inventories(added, null);
    }
}
