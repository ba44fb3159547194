package io.kumo.simulator.operation;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.simulator.host.SimulatedHosts;

import java.util.Map;

/**
 * {@code PUT /vm-instances/{uuid}/actions {"killSimulatorVm":{}}}: stops a VM behind Kumo's back (state drift), as
 * when a guest crashes or is shut down from inside; its host then reports it {@code Stopped}.
 */
public class KillSimulatorVmOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("KillSimulatorVm")
            .description("Stop a VM on its simulated host behind Kumo's back, to test state drift")
            .kind(OperationKind.ACTION).async(false).resourceType(SimulatorOperations.RESOURCE_TYPE)
            .param(ParameterDescriptor.uuid("uuid").mandatory().describedAs("the VM"))
            .rest(RestBinding.put("/vm-instances/{uuid}/actions", "killSimulatorVm"))
            .build();

    private final SimulatedHosts hosts;

    /** @param hosts the simulated hosts */
    public KillSimulatorVmOperation(SimulatedHosts hosts) {
        this.hosts = hosts;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        String vmUuid = request.string("uuid");
        String hostUuid = hosts.killVm(vmUuid).orElseThrow(() -> new ApiException(ErrorCode.RESOURCE_NOT_FOUND,
                "no simulated host on this management node runs VM " + vmUuid + "; start it on a simulator host first"));
        return OperationResult.of(Map.of("vmUuid", vmUuid, "hostUuid", hostUuid));
    }
}
