package io.kumo.simulator.operation;

import io.kumo.api.hypervisor.ConsoleEndpoint;
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
 * {@code PUT /simulators/actions {"configureSimulatorConsole":{"hostname":...,"port":...}}}: where the console of every
 * running simulated VM listens from now on (by default 127.0.0.1:5900, where nothing listens), e.g. a test's fake VNC
 * server.
 */
public class ConfigureSimulatorConsoleOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ConfigureSimulatorConsole")
            .description("Set the TCP endpoint the consoles of simulated VMs listen on")
            .kind(OperationKind.ACTION).async(false).resourceType(SimulatorOperations.RESOURCE_TYPE)
            .param(ParameterDescriptor.string("hostname").mandatory().range(1, 255).describedAs("host name or address"))
            .param(ParameterDescriptor.integer("port").mandatory().range(1, 65535).describedAs("TCP port"))
            .rest(RestBinding.put("/simulators/actions", "configureSimulatorConsole"))
            .build();

    private final SimulatedHosts hosts;

    /** @param hosts the simulated hosts */
    public ConfigureSimulatorConsoleOperation(SimulatedHosts hosts) { this.hosts = hosts; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        hosts.console(new ConsoleEndpoint("vnc", request.string("hostname"), request.integer("port")));
        return OperationResult.of(Map.of("hostname", request.string("hostname"), "port", request.integer("port")));
    }
}
