package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Flow;
import io.kumo.api.offering.InstanceOfferingInventory;
import io.kumo.api.offering.OfferingService;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.compute.quota.ComputeQuotas;

import java.util.Map;

/**
 * {@code PUT /vm-instances/{vmInstanceUuid}/actions {"changeInstanceOffering":{"instanceOfferingUuid":...}}}: gives a VM
 * the vCPUs and memory of another instance offering, as {@code updateVmInstance} with {@code cpuNum} and
 * {@code memorySize} does (growth reserved on the host first, applied live in the last step, {@code SYS.1014} when the
 * hypervisor cannot), and records the offering.
 */
public class ChangeInstanceOfferingOperation extends VmChangeOperation {
    private static final OperationDescriptor DESCRIPTOR = vmAction("ChangeInstanceOffering",
            "Give a VM the vCPUs and memory of another instance offering")
            .param(ParameterDescriptor.uuid("vmInstanceUuid").mandatory().describedAs("the VM"))
            .param(ParameterDescriptor.uuid("instanceOfferingUuid").mandatory().describedAs("the new instance offering"))
            .rest(RestBinding.put("/vm-instances/{vmInstanceUuid}/actions", "changeInstanceOffering"))
            .build();

    private final OfferingService offerings;

    /** Wires the operation. */
    public ChangeInstanceOfferingOperation(VmLifecycle vms, OfferingService offerings) {
        super(DESCRIPTOR, vms);
        this.offerings = offerings;
    }

    @Override protected String vmUuid(OperationRequest request) { return request.string("vmInstanceUuid"); }

    private InstanceOfferingInventory offering(OperationRequest request) {
        String uuid = request.string("instanceOfferingUuid");
        InstanceOfferingInventory o = offerings.instanceOffering(uuid)
                .orElseThrow(() -> ApiException.notFound(InstanceOfferingInventory.RESOURCE_TYPE, uuid));
        if (!"Enabled".equals(o.state())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "instance offering " + uuid + " is " + o.state() + "; enable it or choose another");
        }
        return o;
    }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        InstanceOfferingInventory o = offering(request);
        VmInstanceEntity vm = vms.require(vmUuid(request));
        if (LIVE.contains(vm.getState())) {
            // a running VM's growth counts against its owner's quotas; a stopped VM's counts when it starts
            vms.quotas().checkFor(vm.getUuid(), request, Map.of(ComputeQuotas.VM_CPU_NUM, (long) o.cpuNum() - vm.getCpuNum(),
                    ComputeQuotas.VM_MEMORY_SIZE, o.memorySize() - vm.getMemorySize()));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = vmUuid(request);
        InstanceOfferingInventory o = offering(request);
        return Flow.named(DESCRIPTOR.name())
                .step(recheck(uuid))
                .step(VmCpuMemory.reserve(vms, uuid, o.cpuNum(), o.memorySize()))
                .step("announce", ctx -> {
                    VmCpuMemory.apply(vms, uuid, o.cpuNum(), o.memorySize());
                    vms.vms().update(uuid, v -> v.setInstanceOfferingUuid(o.uuid()));
                    ctx.result(OperationResult.inventory(vms.announce(uuid)));
                })
                .build();
    }
}
