package io.kumo.simulator.operation;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.InjectionInventory;
import io.kumo.simulator.host.SimulatedHost;
import io.kumo.simulator.host.SimulatedHosts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /simulators/configurations}: the active injections ({@code inventories}) and the simulated hosts powered
 * off ({@code poweredOffHostUuids}) on the management node that answers.
 */
public class QuerySimulatorConfigurationOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("QuerySimulatorConfiguration")
            .description("List the latency and failures injected into the simulator and the simulated hosts powered off")
            .kind(OperationKind.READ).resourceType(SimulatorOperations.RESOURCE_TYPE)
            .inventoryType(InjectionInventory.class)
            .rest(RestBinding.get("/simulators/configurations"))
            .build();

    private final FaultInjector faults;
    private final SimulatedHosts hosts;

    /** @param faults the injections @param hosts the simulated hosts */
    public QuerySimulatorConfigurationOperation(FaultInjector faults, SimulatedHosts hosts) {
        this.faults = faults;
        this.hosts = hosts;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inventories", faults.list());
        body.put("poweredOffHostUuids", hosts.all().stream().filter(h -> !h.poweredOn()).map(SimulatedHost::uuid).sorted().toList());
        return OperationResult.of(body);
    }
}
