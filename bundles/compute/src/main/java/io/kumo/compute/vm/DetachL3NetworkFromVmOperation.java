package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

import java.util.List;

/**
 * {@code DELETE /vm-instances/nics/{vmNicUuid}}: removes a NIC from its VM. Steps: check-state → detach-on-hypervisor
 * (unplugged while the VM runs; rollback plugs it back) → release-nic (the address released, the row removed, the
 * default L3 network moved to another NIC if it was this one's; rollback takes the same address back) → announce.
 * The last NIC of a VM is refused: a VM keeps at least one NIC (attach another first).
 */
public class DetachL3NetworkFromVmOperation extends VmChangeOperation {
    private static final OperationDescriptor DESCRIPTOR = vmAction("DetachL3NetworkFromVm",
            "Remove a NIC from a VM, unplugged if it runs, and release its address")
            .param(ParameterDescriptor.uuid("vmNicUuid").mandatory().describedAs("the NIC"))
            .rest(RestBinding.delete("/vm-instances/nics/{vmNicUuid}"))
            .build();

    /** Wires the operation. */
    public DetachL3NetworkFromVmOperation(VmLifecycle vms) { super(DESCRIPTOR, vms); }

    private VmNicEntity nic(String nicUuid) {
        return vms.vms().findNic(nicUuid);
    }

    @Override
    protected String vmUuid(OperationRequest request) {
        VmNicEntity nic = nic(request.string("vmNicUuid"));
        if (nic == null) {
            throw ApiException.notFound("vmNic", request.string("vmNicUuid"));
        }
        return nic.getVmInstanceUuid();
    }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        String vm = vmUuid(request);
        if (vms.vms().nicsOf(vm).size() <= 1) {
            throw new ApiException(ErrorCode.INVALID_STATE, "NIC " + request.string("vmNicUuid") + " is the last NIC of VM "
                    + vm + "; a VM keeps at least one NIC: attach another L3 network first (AttachL3NetworkToVm)");
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String nicUuid = request.string("vmNicUuid");
        String uuid = vmUuid(request);
        return Flow.named(DESCRIPTOR.name())
                .step(recheck(uuid))
                .step("detach-on-hypervisor", ctx -> {
                    VmNicEntity nic = nic(nicUuid);
                    if (nic != null && live(ctx)) {
                        String host = ctx.getString("hostUuid");
                        VmSpecSettings.backend("unplugging a NIC", () ->
                                vms.hypervisor(host).detachNic(vms.connection(host), vms.spec(uuid, host), vms.nicSpec(nic)));
                        ctx.put("unplugged", true);
                    }
                }, ctx -> {
                    VmNicEntity nic = nic(nicUuid);
                    if (Boolean.TRUE.equals(ctx.get("unplugged")) && nic != null) {
                        String host = ctx.getString("hostUuid");
                        vms.hypervisor(host).attachNic(vms.connection(host), vms.spec(uuid, host), vms.nicSpec(nic));
                    }
                })
                .step("release-nic", ctx -> {
                    VmNicEntity nic = nic(nicUuid);
                    if (nic == null) {
                        return;
                    }
                    VmInstanceEntity vm = vms.require(uuid);
                    ctx.put("nic", List.of(nic.getL3NetworkUuid(), nic.getIp(), nic.getDeviceId(), nic.getMac()));
                    ctx.put("previousDefault", vm.getDefaultL3NetworkUuid());
                    vms.removeNic(nic);
                    if (nic.getL3NetworkUuid().equals(vm.getDefaultL3NetworkUuid())) {
                        String next = vms.vms().nicsOf(uuid).stream().map(VmNicEntity::getL3NetworkUuid).findFirst().orElse(null);
                        vms.vms().update(uuid, v -> v.setDefaultL3NetworkUuid(next));
                    }
                }, ctx -> {
                    if (ctx.get("nic") instanceof List<?> n && nic(nicUuid) == null) {
                        VmNics.create(vms, uuid, nicUuid, (String) n.get(0), (String) n.get(1), ((Number) n.get(2)).intValue(), (String) n.get(3));
                        vms.vms().update(uuid, v -> v.setDefaultL3NetworkUuid(ctx.getString("previousDefault")));
                    }
                })
                .step(announce(uuid))
                .build();
    }
}
