package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/**
 * {@code DELETE /vm-instances/{vmInstanceUuid}/iso}: ejects the ISO from the VM's CD-ROM drive ({@code isoUuid}, if
 * given, must be the one inserted). Steps: check-state → eject-on-hypervisor (while the VM runs; rollback inserts it
 * again) → forget-iso (rollback restores it) → announce.
 */
public class DetachIsoFromVmInstanceOperation extends VmChangeOperation {
    private static final OperationDescriptor DESCRIPTOR = vmAction("DetachIsoFromVmInstance",
            "Eject the ISO image from the CD-ROM drive of a VM")
            .param(ParameterDescriptor.uuid("vmInstanceUuid").mandatory().describedAs("the VM"))
            .param(ParameterDescriptor.uuid("isoUuid").describedAs("the ISO to eject; the one inserted if omitted"))
            .rest(RestBinding.delete("/vm-instances/{vmInstanceUuid}/iso"))
            .build();

    /** Wires the operation. */
    public DetachIsoFromVmInstanceOperation(VmLifecycle vms) { super(DESCRIPTOR, vms); }

    @Override protected String vmUuid(OperationRequest request) { return request.string("vmInstanceUuid"); }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        String uuid = vmUuid(request);
        String current = vms.settings().get(uuid, VmSettings.ISO);
        if (current == null) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the CD-ROM drive of VM " + uuid + " is empty; nothing to detach");
        }
        if (request.has("isoUuid") && !current.equals(request.string("isoUuid"))) {
            throw ApiException.invalidArgument("VM " + uuid + " holds ISO " + current + ", not " + request.string("isoUuid"));
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = vmUuid(request);
        return Flow.named(DESCRIPTOR.name())
                .step(recheck(uuid))
                .step("eject-on-hypervisor", ctx -> {
                    if (live(ctx)) {
                        String host = ctx.getString("hostUuid");
                        VmSpecSettings.backend("changing the CD-ROM of a running VM", () -> vms.hypervisor(host)
                                .changeCdrom(vms.connection(host), vms.spec(uuid, host), new VmSpec.Cdrom(0, null, null)));
                        ctx.put("ejected", true);
                    }
                }, ctx -> {
                    if (Boolean.TRUE.equals(ctx.get("ejected"))) {
                        String host = ctx.getString("hostUuid");
                        VmSpec spec = vms.spec(uuid, host);
                        vms.hypervisor(host).changeCdrom(vms.connection(host), spec, spec.cdroms().get(0));
                    }
                })
                .step("forget-iso", ctx -> {
                    ctx.put("iso", vms.settings().put(uuid, VmSettings.ISO, null));
                    ctx.put("isoPath", vms.settings().put(uuid, VmSettings.ISO_PATH, null));
                }, ctx -> {
                    if (ctx.getString("iso") != null) {
                        vms.settings().put(uuid, VmSettings.ISO, ctx.getString("iso"));
                        vms.settings().put(uuid, VmSettings.ISO_PATH, ctx.getString("isoPath"));
                    }
                })
                .step(announce(uuid))
                .build();
    }
}
