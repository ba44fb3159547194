package io.kumo.compute.vm;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.api.vm.VmInstanceInventory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code GET /vm-instances/{uuid}/boot-orders}: the VM's boot devices in order, as {@code orders} (empty: the default). */
public class GetVmBootOrderOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("GetVmBootOrder")
            .description("Read the boot device order of a VM").kind(OperationKind.READ).async(false)
            .resourceType(VmInstanceInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
            .rest(RestBinding.get("/vm-instances/{uuid}/boot-orders"))
            .build();

    private final VmLifecycle vms;

    /** Wires the operation. */
    public GetVmBootOrderOperation(VmLifecycle vms) { this.vms = vms; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String uuid = vms.require(request.string("uuid")).getUuid();
        String order = vms.settings().get(uuid, VmSettings.BOOT_ORDER);
        List<String> orders = order == null ? List.of() : Arrays.asList(order.split(","));
        return OperationResult.of(Map.of("orders", orders));
    }
}
