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
 * {@code GET /plugins[?name=...]}: the plugins installed on the node that answers, as {@code inventories}, with what
 * each provides. Read from the OSGi framework, not the database: it is not a query with conditions.
 */
public class QueryPluginOperation implements SyncOperation {
    /** A bundle symbolic name. */
    static final String NAME_PATTERN = "[A-Za-z0-9_][A-Za-z0-9_.\\-]*";
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("QueryPlugin")
            .description("List the plugins installed on this management node, with their operations and backends")
            .kind(OperationKind.READ).resourceType(PluginInventory.RESOURCE_TYPE).inventoryType(PluginInventory.class)
            .param(ParameterDescriptor.string("name").range(1, 255).matching(NAME_PATTERN)
                    .describedAs("only the plugin of this name (bundle symbolic name)"))
            .rest(RestBinding.get("/plugins"))
            .build();

    private final PluginService plugins;

    /** @param plugins the plugins of this node */
    public QueryPluginOperation(PluginService plugins) { this.plugins = plugins; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        List<PluginInventory> found = request.has("name")
                ? plugins.find(request.string("name")).map(List::of).orElse(List.of())
                : plugins.plugins();
        return OperationResult.inventories(found, (long) found.size());
    }
}
