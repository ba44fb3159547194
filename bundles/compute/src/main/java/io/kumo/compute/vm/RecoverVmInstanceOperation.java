package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.compute.quota.ComputeQuotas;

import java.util.Map;

/** {@code PUT /vm-instances/{uuid}/actions {"recoverVmInstance":{...}}}: take a destroyed VM out of the recycle bin: it becomes Stopped with its volumes and IPs. */
public class RecoverVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("RecoverVmInstance", "recoverVmInstance",
            "Take a destroyed VM out of the recycle bin: it becomes Stopped with its volumes and IPs")
            .build();

    /** Wires the operation. */
    public RecoverVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, "recoverVmInstance", vms); }

    /** Out of the recycle bin, the VM counts again in its owner's vm.totalNum. */
    @Override
    public void check(OperationRequest request) {
        super.check(request);
        vms.quotas().checkFor(request.string("uuid"), request, Map.of(ComputeQuotas.VM_TOTAL_NUM, 1L));
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.STOPPED))
                .step(settle(uuid, VmStates.STOPPED))
                .build();
    }
}
