package io.kumo.compute.vm;

import io.kumo.api.operation.AccessLevel;
import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.job.Flow;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.vm.VmInstanceInventory;

/**
 * {@code DELETE /vm-instances/{uuid}}: stops a VM and releases its host capacity. As {@code vm.deletionPolicy} says,
 * it then goes to the recycle bin (Delay: state Destroyed, expunged after {@code vm.expungePeriod}; Never: until
 * expunged by hand), its volumes and IPs kept so that recovering it is exact, or is expunged at once (Direct).
 */
public class DestroyVmInstanceOperation extends ExistingVmOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("DestroyVmInstance")
            .description("Destroy a VM: stop it and move it to the recycle bin, or expunge it (vm.deletionPolicy)")
            .kind(OperationKind.DELETE).resourceType(VmInstanceInventory.RESOURCE_TYPE).access(AccessLevel.TENANT)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
            .param(ParameterDescriptor.string("deleteMode").oneOf("Permissive", "Enforcing").withDefault("Permissive")
                    .describedAs("accepted for compatibility: a VM has no dependents"))
            .rest(RestBinding.delete("/vm-instances/{uuid}"))
            .build();

    private final GlobalConfigService config;

    /** Wires the operation. */
    public DestroyVmInstanceOperation(VmLifecycle vms, GlobalConfigService config) {
        super(DESCRIPTOR, "destroyVmInstance", vms);
        this.config = config;
    }

    @Override
    public Flow flow(OperationRequest request) {
        String uuid = request.string("uuid");
        Flow.Builder flow = Flow.named(DESCRIPTOR.name())
                .step(begin(uuid, VmStates.DESTROYING))
                .step(stopOnHypervisor(uuid, true))
                .step(releaseHost(uuid));
        if (VmGlobalConfigs.DIRECT.equals(config.value(VmGlobalConfigs.CATEGORY, VmGlobalConfigs.DELETION_POLICY))) {
            flow.step("expunge", ctx -> vms.expunge(uuid));
        } else {
            flow.step(settle(uuid, VmStates.DESTROYED));
        }
        return flow.build();
    }
}
