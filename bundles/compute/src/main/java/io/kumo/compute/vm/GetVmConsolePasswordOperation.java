package io.kumo.compute.vm;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.vm.VmInstanceInventory;

import java.util.Map;

/**
 * {@code GET /vm-instances/{uuid}/console-passwords}: ZStack's path, restricted to admins, and deliberately without the
 * password itself (ZStack returns it as {@code password}; Kumo never returns secrets): answers
 * {@code consolePasswordSet} only.
 */
public class GetVmConsolePasswordOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetVmConsolePassword")
            .description("Tell whether a VM has a console password (admins only; the password is never returned)")
            .kind(OperationKind.READ).async(false).resourceType(VmInstanceInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
            .rest(RestBinding.get("/vm-instances/{uuid}/console-passwords"))
            .build();

    private final VmLifecycle vms;

    /** Wires the operation. */
    public GetVmConsolePasswordOperation(VmLifecycle vms) { this.vms = vms; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        if (!request.caller().admin()) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, "only admins may ask about a VM's console password");
        }
        String uuid = vms.require(request.string("uuid")).getUuid();
        return OperationResult.of(Map.of("consolePasswordSet", vms.settings().get(uuid, VmSettings.CONSOLE_PASSWORD) != null));
    }
}
