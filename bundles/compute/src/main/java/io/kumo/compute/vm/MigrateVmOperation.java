package io.kumo.compute.vm;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.error.ApiException;
import io.kumo.api.host.HostInventory;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;

import java.util.Set;

/**
 * {@code PUT /vm-instances/{uuid}/actions {"migrateVm":{"hostUuid":...}}}: live-migrates a running VM to another host
 * (the given one, or one chosen by placement, never outside the hypervisor type): capacity is reserved on the target
 * first, the hypervisor moves the VM, and the source's capacity is released last.
 */
public class MigrateVmOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("MigrateVm", "migrateVm",
            "Move a running VM to another host")
            .access(AccessLevel.ADMIN)
            .param(ParameterDescriptor.uuid("hostUuid").describedAs("the target host; placement chooses one if omitted"))
            .build();

    /** Wires the operation. */
    public MigrateVmOperation(VmLifecycle vms) { super(DESCRIPTOR, "migrateVm", vms); }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        String target = request.string("hostUuid");
        if (target != null) {
            vms.hosts().get(target).orElseThrow(() -> ApiException.notFound(HostInventory.RESOURCE_TYPE, target));
            if (target.equals(vms.require(request.string("uuid")).getHostUuid())) {
                throw ApiException.invalidArgument("VM " + request.string("uuid") + " already runs on host " + target
                        + "; choose another host or omit hostUuid");
            }
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.MIGRATING))
                .step("allocate-target-host", ctx -> {
                    VmInstanceEntity vm = vms.require(uuid);
                    ctx.put("sourceHost", vm.getHostUuid());
                    HostInventory target = vms.placement().allocate(vms.placementFor(vm, Set.of(vm.getHostUuid()),
                            null, request.string("hostUuid")).ordered(vm.getAllocatorStrategy(), null));
                    ctx.put("targetHost", target.uuid());
                }, ctx -> {
                    if (ctx.getString("targetHost") != null) {
                        VmInstanceEntity vm = vms.require(uuid);
                        vms.placement().release(ctx.getString("targetHost"), vm.getCpuNum(), vm.getMemorySize());
                    }
                })
                .step("migrate-on-hypervisor", ctx -> vms.migrate(uuid, ctx.getString("sourceHost"), ctx.getString("targetHost")),
                        ctx -> {
                            // a failed migration leaves the VM on the source; one that completed is moved back
                            String target = ctx.getString("targetHost");
                            if (vms.hypervisor(target).vmStates(vms.connection(target)).getOrDefault(uuid, VmPowerState.Absent)
                                    != VmPowerState.Absent) {
                                vms.migrate(uuid, target, ctx.getString("sourceHost"));
                            }
                        })
                .step("switch-host", ctx -> {
                    String source = ctx.getString("sourceHost");
                    HostInventory target = vms.hosts().get(ctx.getString("targetHost")).orElseThrow();
                    VmInstanceEntity vm = vms.require(uuid);
                    vms.vms().update(uuid, v -> {
                        v.setHostUuid(target.uuid());
                        v.setClusterUuid(target.clusterUuid());
                        v.setLastHostUuid(source);
                    });
                    vms.placement().release(source, vm.getCpuNum(), vm.getMemorySize());
                })
                .step(settle(uuid, VmStates.RUNNING))
                .build();
    }
}
