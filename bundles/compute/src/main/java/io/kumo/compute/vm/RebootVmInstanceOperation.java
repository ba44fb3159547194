package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/** {@code PUT /vm-instances/{uuid}/actions {"rebootVmInstance":{...}}}: reboot a running VM. */
public class RebootVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("RebootVmInstance", "rebootVmInstance",
            "Reboot a running VM")
            .build();

    /** Wires the operation. */
    public RebootVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, "rebootVmInstance", vms); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.REBOOTING))
                .step("reboot-on-hypervisor", ctx -> {
                    String host = vms.require(uuid).getHostUuid();
                    vms.hypervisor(host).rebootVm(vms.connection(host), vms.spec(uuid, host));
                })
                .step(settle(uuid, VmStates.RUNNING))
                .build();
    }
}
