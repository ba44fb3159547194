package io.kumo.core.plugin;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.plugin.Capabilities;
import io.kumo.api.plugin.CapabilityService;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /capabilities}: the hypervisor, storage and network types usable now, one list each at the top level
 * ({@code hypervisorTypes}, {@code primaryStorageTypes}, ...), and {@code licensedModules}: every licensed module
 * with whether a plugin provides it and whether it is licensed.
 */
public class GetCapabilitiesOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetCapabilities")
            .description("Show the hypervisor, storage and network types usable now, and the licensed modules available")
            .kind(OperationKind.READ).resourceType("capability")
            .rest(RestBinding.get("/capabilities"))
            .build();

    private final CapabilityService capabilities;

    /** @param capabilities the capabilities */
    public GetCapabilitiesOperation(CapabilityService capabilities) { this.capabilities = capabilities; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        Capabilities now = capabilities.capabilities();
        Map<String, Object> body = new LinkedHashMap<>(now.types());
        body.put("licensedModules", now.licensedModules());
        return OperationResult.of(body);
    }
}
