package io.kumo.simulator.operation;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.host.SimulatedHosts;

/**
 * {@code PUT /simulators/actions {"resetSimulator":{}}}: clears every injection and powers every simulated host on.
 * VMs, volumes and images stay, as Kumo knows them.
 */
public class ResetSimulatorOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ResetSimulator")
            .description("Clear every injected latency and failure and power every simulated host on")
            .kind(OperationKind.ACTION).async(false).resourceType(SimulatorOperations.RESOURCE_TYPE)
            .rest(RestBinding.put("/simulators/actions", "resetSimulator"))
            .build();

    private final FaultInjector faults;
    private final SimulatedHosts hosts;

    /** @param faults the injections @param hosts the simulated hosts */
    public ResetSimulatorOperation(FaultInjector faults, SimulatedHosts hosts) {
        this.faults = faults;
        this.hosts = hosts;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        faults.reset();
        hosts.powerOnAll();
        return OperationResult.empty();
    }
}
