package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;

/** {@code PUT /vm-instances/{uuid}/actions {"stopVmInstance":{...}}}: stop a VM (grace: ask the guest; cold: power off) and release its host capacity. */
public class StopVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("StopVmInstance", "stopVmInstance",
            "Stop a VM (grace: ask the guest; cold: power off) and release its host capacity")
            .param(ParameterDescriptor.string("type").oneOf("grace", "cold").withDefault("grace")
                    .describedAs("grace asks the guest to shut down; cold powers it off"))
            .build();

    /** Wires the operation. */
    public StopVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, "stopVmInstance", vms); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.STOPPING))
                .step(stopOnHypervisor(uuid, "cold".equals(request.string("type"))))
                .step(releaseHost(uuid))
                .step(settle(uuid, VmStates.STOPPED))
                .build();
    }
}
