package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;

import io.kumo.compute.quota.ComputeQuotas;

import java.util.Map;
import java.util.Set;

/** {@code PUT /vm-instances/{uuid}/actions {"startVmInstance":{...}}}: start a stopped VM on a host chosen by placement (its last host preferred). */
public class StartVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("StartVmInstance", "startVmInstance",
            "Start a stopped VM on a host chosen by placement (its last host preferred)")
            .param(ParameterDescriptor.uuid("clusterUuid").describedAs("the cluster to start it in"))
            .param(ParameterDescriptor.uuid("hostUuid").describedAs("the host to start it on"))
            .build();

    /** Wires the operation. */
    public StartVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, "startVmInstance", vms); }

    /** Refuses a start that would take the VM's owner over its quota of running VMs, vCPUs or memory. */
    @Override
    public void check(OperationRequest request) {
        super.check(request);
        VmInstanceEntity vm = vms.require(request.string("uuid"));
        vms.quotas().checkFor(vm.getUuid(), request, Map.of(ComputeQuotas.VM_NUM, 1L,
                ComputeQuotas.VM_CPU_NUM, (long) vm.getCpuNum(), ComputeQuotas.VM_MEMORY_SIZE, vm.getMemorySize()));
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.STARTING))
                .step(vms.allocateHost(uuid, () -> vms.placementFor(vms.require(uuid), Set.of(),
                        request.string("clusterUuid"), request.string("hostUuid"))))
                .step("start-on-hypervisor", ctx -> vms.startOn(uuid, ctx.getString("hostUuid")),
                        ctx -> vms.destroyOn(uuid, ctx.getString("hostUuid")))
                .step(settle(uuid, VmStates.RUNNING))
                .build();
    }
}
