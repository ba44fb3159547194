package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.compute.quota.ComputeQuotas;

import java.util.Map;

/**
 * {@code PUT /vm-instances/{uuid}/actions {"updateVmInstance":{...}}}: renames a VM, changes its platform or default
 * network, or its vCPUs ({@code cpuNum}) and memory ({@code memorySize}). A CPU/memory change of a running VM first
 * reserves the growth on its host (the conditional update of placement; {@code ALLOC.1001} when the host lacks it), is
 * applied live by the hypervisor ({@code SYS.1014} when its backend cannot, nothing changed), then releases any
 * shrink; a stopped VM gets the new size at its next start.
 */
public class UpdateVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = action("UpdateVmInstance", "updateVmInstance",
            "Change the name, description, platform or default L3 network of a VM")
            .param(ParameterDescriptor.string("name").range(1, 255).describedAs("new name"))
            .param(ParameterDescriptor.string("description").maxLength(2048).describedAs("new description"))
            .param(ParameterDescriptor.string("platform").oneOf("Linux", "Windows", "Other", "Paravirtualization")
                    .describedAs("the guest platform"))
            .param(ParameterDescriptor.uuid("defaultL3NetworkUuid").describedAs("the L3 network of one of its NICs"))
            .param(ParameterDescriptor.integer("cpuNum").range(1, 1024).describedAs("new number of vCPUs"))
            .param(ParameterDescriptor.longParam("memorySize").range(1, Long.MAX_VALUE).describedAs("new memory in bytes"))
            .build();

    /** Wires the operation. */
    public UpdateVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, "updateVmInstance", vms); }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        String l3 = request.string("defaultL3NetworkUuid");
        if (l3 != null && vms.vms().nicsOf(request.string("uuid")).stream().noneMatch(n -> l3.equals(n.getL3NetworkUuid()))) {
            throw ApiException.invalidArgument("VM " + request.string("uuid") + " has no NIC on L3 network " + l3
                    + "; the default L3 network must be one of its NICs' networks");
        }
        if (request.has("cpuNum") || request.has("memorySize")) {
            VmInstanceEntity vm = vms.require(request.string("uuid"));
            VmCpuMemory.check(vm);
            if (VmChangeOperation.LIVE.contains(vm.getState())) {
                // a running VM's growth counts against its owner's quotas; a stopped VM's counts when it starts
                vms.quotas().checkFor(vm.getUuid(), request, Map.of(
                        ComputeQuotas.VM_CPU_NUM, request.has("cpuNum") ? (long) request.integer("cpuNum") - vm.getCpuNum() : 0L,
                        ComputeQuotas.VM_MEMORY_SIZE, request.has("memorySize") ? request.longValue("memorySize") - vm.getMemorySize() : 0L));
            }
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        return Flow.named(DESCRIPTOR.name())
                .step(VmCpuMemory.reserve(vms, uuid, request.integer("cpuNum"), request.longValue("memorySize")))
                .step("update-vm", ctx -> {
                    VmInstanceEntity before = vms.require(uuid);
                    ctx.put("before", java.util.Arrays.asList(before.getName(), before.getDescription(),
                            before.getPlatform(), before.getDefaultL3NetworkUuid()));
                    vms.vms().update(uuid, v -> {
                        if (request.has("name")) {
                            v.setName(request.string("name"));
                        }
                        if (request.has("description")) {
                            v.setDescription(request.string("description"));
                        }
                        if (request.has("platform")) {
                            v.setPlatform(request.string("platform"));
                        }
                        if (request.has("defaultL3NetworkUuid")) {
                            v.setDefaultL3NetworkUuid(request.string("defaultL3NetworkUuid"));
                        }
                    });
                }, ctx -> {
                    if (ctx.get("before") instanceof java.util.List<?> b) {
                        vms.vms().update(uuid, v -> {
                            v.setName((String) b.get(0));
                            v.setDescription((String) b.get(1));
                            v.setPlatform((String) b.get(2));
                            v.setDefaultL3NetworkUuid((String) b.get(3));
                        });
                    }
                })
                .step("announce", ctx -> {
                    // last, so that no later step could need to undo a live change (shrinking is rarely possible live)
                    VmCpuMemory.apply(vms, uuid, request.integer("cpuNum"), request.longValue("memorySize"));
                    ctx.result(OperationResult.inventory(vms.announce(uuid)));
                })
                .build();
    }
}
