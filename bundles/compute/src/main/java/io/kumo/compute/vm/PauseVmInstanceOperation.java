package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/** {@code PUT /vm-instances/{uuid}/actions {"pauseVmInstance":{...}}}: pause a running VM, keeping it in memory. */
public class PauseVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("PauseVmInstance", "pauseVmInstance",
            "Pause a running VM, keeping it in memory")
            .build();

    /** Wires the operation. */
    public PauseVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, "pauseVmInstance", vms); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.PAUSING))
                .step("pause-on-hypervisor", ctx -> {
                    String host = vms.require(uuid).getHostUuid();
                    vms.hypervisor(host).pauseVm(vms.connection(host), vms.spec(uuid, host));
                }, ctx -> {
                    String host = vms.require(uuid).getHostUuid();
                    vms.hypervisor(host).resumeVm(vms.connection(host), vms.spec(uuid, host));
                })
                .step(settle(uuid, VmStates.PAUSED))
                .build();
    }
}
