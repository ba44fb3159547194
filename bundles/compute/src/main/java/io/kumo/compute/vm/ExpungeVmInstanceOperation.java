package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;

/** {@code PUT /vm-instances/{uuid}/actions {"expungeVmInstance":{...}}}: remove a destroyed VM for good: its volumes are deleted, its IPs and storage space released. */
public class ExpungeVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("ExpungeVmInstance", "expungeVmInstance",
            "Remove a destroyed VM for good: its volumes are deleted, its IPs and storage space released")
            .build();

    /** Wires the operation. */
    public ExpungeVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, "expungeVmInstance", vms); }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.EXPUNGING))
                // deleting volumes from storage cannot be undone: a failure leaves the VM Destroyed, to expunge again
                .step("expunge", ctx -> vms.expunge(uuid))
                .build();
    }
}
