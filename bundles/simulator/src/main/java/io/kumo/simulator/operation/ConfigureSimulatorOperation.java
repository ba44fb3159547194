package io.kumo.simulator.operation;

import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.SyncOperation;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.InjectionInventory;
import io.kumo.simulator.fault.SimulatedCall;

/**
 * {@code PUT /simulators/actions {"configureSimulator":{"target":..., "call":..., "latencyMs":..., "failures":...}}}:
 * sets the latency and failures of one simulated call on one target (a host, VM or storage uuid, or {@code all}),
 * replacing what was set for that pair; latency 0 and failures 0 clear it.
 */
public class ConfigureSimulatorOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("ConfigureSimulator")
            .description("Inject latency and failures into a simulated call on a host, VM or storage (or all);"
                    + " latencyMs 0 and failures 0 clear the injection")
            .kind(OperationKind.ACTION).async(false).resourceType(SimulatorOperations.RESOURCE_TYPE)
            .inventoryType(InjectionInventory.class)
            .param(ParameterDescriptor.string("target").mandatory().matching(SimulatorOperations.TARGET_PATTERN)
                    .describedAs("a host, VM, primary or backup storage uuid, or 'all'"))
            .param(ParameterDescriptor.string("call").mandatory().oneOf(SimulatedCall.wireNames())
                    .describedAs("the call to affect, or 'all'"))
            .param(ParameterDescriptor.longParam("latencyMs").range(0, 3_600_000).withDefault("0")
                    .describedAs("milliseconds added to each matching call"))
            .param(ParameterDescriptor.integer("failures").range(-1, Integer.MAX_VALUE).withDefault("0")
                    .describedAs("how many of the next matching calls fail: -1 every one, 0 none"))
            .param(ParameterDescriptor.string("message").maxLength(1024)
                    .describedAs("text added to the failure message"))
            .param(ParameterDescriptor.bool("unsupported").withDefault("false")
                    .describedAs("the failing calls answer that the backend does not support them (SYS.1014 in Kumo);"
                            + " with failures 0, every matching call"))
            .rest(RestBinding.put("/simulators/actions", "configureSimulator"))
            .build();

    private final FaultInjector faults;

    /** @param faults the injections */
    public ConfigureSimulatorOperation(FaultInjector faults) {
        this.faults = faults;
    }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        boolean unsupported = Boolean.parseBoolean(request.string("unsupported"));
        int failures = unsupported && request.integer("failures") == 0 ? -1 : request.integer("failures");
        InjectionInventory active = faults.configure(request.string("target").toLowerCase(java.util.Locale.ROOT),
                SimulatedCall.of(request.string("call")), request.longValue("latencyMs"), failures,
                request.string("message"), unsupported);
        return active == null ? OperationResult.empty() : OperationResult.inventory(active);
    }
}
