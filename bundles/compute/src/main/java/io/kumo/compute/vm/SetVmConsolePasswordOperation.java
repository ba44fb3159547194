package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/**
 * {@code PUT /vm-instances/{uuid}/actions {"setVmConsolePassword":{"consolePassword":...}}}: the VNC password of the
 * VM's console from its next start ({@code VmSpec} property {@code consolePassword}). The value is a secret parameter
 * (redacted in job records and logs), stored apart from tags and never returned by any API. The one step sets it and
 * answers, so no step context ever holds a password.
 */
public class SetVmConsolePasswordOperation extends VmChangeOperation {
    private static final OperationDescriptor DESCRIPTOR = vmAction("SetVmConsolePassword",
            "Set the VNC console password of a VM (next start)")
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
            .param(ParameterDescriptor.string("consolePassword").mandatory().range(1, 8).asSecret()
                    .describedAs("the password, 1 to 8 characters (VNC reads no more)"))
            .rest(RestBinding.put("/vm-instances/{uuid}/actions", "setVmConsolePassword"))
            .build();

    /** Wires the operation. */
    public SetVmConsolePasswordOperation(VmLifecycle vms) { super(DESCRIPTOR, vms); }

    @Override protected String vmUuid(OperationRequest request) { return request.string("uuid"); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = vmUuid(request);
        return Flow.named(DESCRIPTOR.name())
                .step(recheck(uuid))
                .step("set-console-password", ctx -> {
                    vms.settings().put(uuid, VmSettings.CONSOLE_PASSWORD, request.string("consolePassword"));
                    ctx.result(OperationResult.inventory(vms.announce(uuid)));
                })
                .build();
    }
}
