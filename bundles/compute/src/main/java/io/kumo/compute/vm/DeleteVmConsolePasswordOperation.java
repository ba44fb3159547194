package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/** {@code DELETE /vm-instances/{uuid}/console-password}: the VM's console has no password from its next start. */
public class DeleteVmConsolePasswordOperation extends VmChangeOperation {
    private static final OperationDescriptor DESCRIPTOR = vmAction("DeleteVmConsolePassword",
            "Remove the VNC console password of a VM (next start)")
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
            .rest(RestBinding.delete("/vm-instances/{uuid}/console-password"))
            .build();

    /** Wires the operation. */
    public DeleteVmConsolePasswordOperation(VmLifecycle vms) { super(DESCRIPTOR, vms); }

    @Override protected String vmUuid(OperationRequest request) { return request.string("uuid"); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = vmUuid(request);
        return Flow.named(DESCRIPTOR.name())
                .step(recheck(uuid))
                .step("delete-console-password", ctx -> {
                    vms.settings().put(uuid, VmSettings.CONSOLE_PASSWORD, null);
                    ctx.result(OperationResult.inventory(vms.announce(uuid)));
                })
                .build();
    }
}
