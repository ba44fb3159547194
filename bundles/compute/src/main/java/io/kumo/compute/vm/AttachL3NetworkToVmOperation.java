package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Flow;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;

/**
 * {@code POST /vm-instances/{vmInstanceUuid}/l3-networks/{l3NetworkUuid}}: gives a VM a NIC on another L3 network.
 * Steps: check-state → allocate-nic (an address from the network's IPAM, optionally {@code staticIp}, a free MAC; rollback
 * releases the address and removes the row) → attach-on-hypervisor (hot-plug while the VM runs; rollback unplugs) →
 * announce. A stopped VM gets the NIC at its next start.
 */
public class AttachL3NetworkToVmOperation extends VmChangeOperation {
    private static final OperationDescriptor DESCRIPTOR = vmAction("AttachL3NetworkToVm",
            "Add a NIC on an L3 network to a VM, hot-plugged if it runs")
            .param(ParameterDescriptor.uuid("vmInstanceUuid").mandatory().describedAs("the VM"))
            .param(ParameterDescriptor.uuid("l3NetworkUuid").mandatory().describedAs("the L3 network of the new NIC"))
            .param(ParameterDescriptor.string("staticIp").maxLength(15).describedAs("the address to give the NIC; a free one if omitted"))
            .rest(RestBinding.post("/vm-instances/{vmInstanceUuid}/l3-networks/{l3NetworkUuid}"))
            .build();

    /** Wires the operation. */
    public AttachL3NetworkToVmOperation(VmLifecycle vms) { super(DESCRIPTOR, vms); }

    @Override protected String vmUuid(OperationRequest request) { return request.string("vmInstanceUuid"); }

    @Override
    public void check(OperationRequest request) {
        super.check(request);
        VmInstanceEntity vm = vms.require(vmUuid(request));
        String l3Uuid = request.string("l3NetworkUuid");
        L3NetworkInventory l3 = vms.networks().l3Network(l3Uuid)
                .orElseThrow(() -> ApiException.notFound(L3NetworkInventory.RESOURCE_TYPE, l3Uuid));
        if (!"Enabled".equals(l3.state())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "L3 network " + l3Uuid + " is " + l3.state() + "; enable it or choose another");
        }
        if (l3.ipRanges().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "L3 network " + l3Uuid + " has no IP range; add one with AddIpRange first");
        }
        if (vms.vms().nicsOf(vm.getUuid()).stream().anyMatch(n -> l3Uuid.equals(n.getL3NetworkUuid()))) {
            throw new ApiException(ErrorCode.CONFLICT, "VM " + vm.getUuid() + " already has a NIC on L3 network " + l3Uuid
                    + "; a VM has at most one NIC per L3 network");
        }
        if (vm.getClusterUuid() != null && !vms.networks().clustersReaching(l3Uuid).contains(vm.getClusterUuid())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "L3 network " + l3Uuid + " does not reach cluster "
                    + vm.getClusterUuid() + " of VM " + vm.getUuid() + "; attach its L2 network " + l3.l2NetworkUuid()
                    + " to that cluster first");
        }
        String ip = request.string("staticIp");
        if (ip != null) {
            long value = Ipv4.parse(ip);
            if (value < 0) {
                throw ApiException.invalidArgument("staticIp " + ip + " is not an IPv4 address");
            }
            if (l3.ipRanges().stream().noneMatch(r -> value >= Ipv4.parse(r.startIp()) && value <= Ipv4.parse(r.endIp()))) {
                throw ApiException.invalidArgument("staticIp " + ip + " is outside the IP ranges of L3 network " + l3Uuid);
            }
            VmNicEntity holder = vms.vms().nicWithIp(l3Uuid, ip);
            if (holder != null) {
                throw new ApiException(ErrorCode.CONFLICT, "IP " + ip + " of L3 network " + l3Uuid + " is already used by VM "
                        + holder.getVmInstanceUuid() + "; choose a free address (GetFreeIp) or omit staticIp");
            }
        }
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = vmUuid(request);
        String l3 = request.string("l3NetworkUuid");
        String nicUuid = CreateVmInstanceOperation.derivedUuid(uuid, "nic/" + l3 + "/" + request.requestId());
        return Flow.named(DESCRIPTOR.name())
                .step(recheck(uuid))
                .step("allocate-nic", ctx -> {
                    VmNicEntity nic = VmNics.create(vms, uuid, nicUuid, l3, request.string("staticIp"), VmNics.nextDeviceId(vms, uuid), null);
                    ctx.put("usedIpUuid", nic.getUsedIpUuid());
                }, ctx -> {
                    if (ctx.getString("usedIpUuid") != null) {
                        vms.networks().releaseIp(ctx.getString("usedIpUuid"));
                    }
                    vms.vms().deleteNic(nicUuid);
                })
                .step("attach-on-hypervisor", ctx -> {
                    if (live(ctx)) {
                        String host = ctx.getString("hostUuid");
                        VmNicEntity nic = vms.vms().nicsOf(uuid).stream().filter(n -> n.getUuid().equals(nicUuid)).findFirst().orElseThrow();
                        VmSpecSettings.backend("hot-plugging a NIC", () ->
                                vms.hypervisor(host).attachNic(vms.connection(host), vms.spec(uuid, host), vms.nicSpec(nic)));
                        ctx.put("plugged", true);
                    }
                }, ctx -> {
                    if (Boolean.TRUE.equals(ctx.get("plugged"))) {
                        String host = ctx.getString("hostUuid");
                        VmNicEntity nic = vms.vms().nicsOf(uuid).stream().filter(n -> n.getUuid().equals(nicUuid)).findFirst().orElse(null);
                        if (nic != null) {
                            vms.hypervisor(host).detachNic(vms.connection(host), vms.spec(uuid, host), vms.nicSpec(nic));
                        }
                    }
                })
                .step(announce(uuid))
                .build();
    }
}
