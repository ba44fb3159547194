package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/** {@code PUT /vm-instances/{uuid}/actions {"resumeVmInstance":{...}}}: resume a paused VM. */
public class ResumeVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("ResumeVmInstance", "resumeVmInstance",
            "Resume a paused VM")
            .build();

    /** Wires the operation. */
    public ResumeVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, "resumeVmInstance", vms); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.RESUMING))
                .step("resume-on-hypervisor", ctx -> {
                    String host = vms.require(uuid).getHostUuid();
                    vms.hypervisor(host).resumeVm(vms.connection(host), vms.spec(uuid, host));
                }, ctx -> {
                    String host = vms.require(uuid).getHostUuid();
                    vms.hypervisor(host).pauseVm(vms.connection(host), vms.spec(uuid, host));
                })
                .step(settle(uuid, VmStates.RUNNING))
                .build();
    }
}
