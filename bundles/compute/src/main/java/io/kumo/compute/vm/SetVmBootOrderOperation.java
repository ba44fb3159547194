package io.kumo.compute.vm;

import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/**
 * {@code PUT /vm-instances/{uuid}/actions {"setVmBootOrder":{"bootOrder":[...]}}}: the devices the VM boots from, in
 * order ({@code HardDisk}, {@code CdRom}, {@code Network}); an empty or absent list restores the hypervisor's default.
 * Takes effect at the next start ({@code VmSpec} property {@code bootOrder}).
 */
public class SetVmBootOrderOperation extends VmChangeOperation {
    private static final OperationDescriptor DESCRIPTOR = vmAction("SetVmBootOrder", "Set the boot device order of a VM (next start)")
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
            .param(ParameterDescriptor.stringList("bootOrder").describedAs("boot devices in order: HardDisk, CdRom, Network"))
            .rest(RestBinding.put("/vm-instances/{uuid}/actions", "setVmBootOrder"))
            .build();

    /** Wires the operation. */
    public SetVmBootOrderOperation(VmLifecycle vms) { super(DESCRIPTOR, vms); }

    @Override protected String vmUuid(OperationRequest request) { return request.string("uuid"); }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        if (!request.list("bootOrder").isEmpty()) {
            VmSpecSettings.bootOrder(request.list("bootOrder"));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = vmUuid(request);
        String order = request.list("bootOrder").isEmpty() ? null : VmSpecSettings.bootOrder(request.list("bootOrder"));
        return Flow.named(DESCRIPTOR.name())
                .step(recheck(uuid))
                .step("set-boot-order", ctx -> {
                    vms.settings().put(uuid, VmSettings.BOOT_ORDER, order);
                    ctx.result(OperationResult.inventory(vms.announce(uuid)));
                })
                .build();
    }
}
