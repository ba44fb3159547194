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

/**
 * {@code PUT /simulators/actions {"failJobStep":{"operation":"CreateVmInstance","step":"allocate-nics","failures":1}}}:
 * makes the next runs of a step of any job fail before the step runs, to prove that every step rolls back; failures
 * 0 clears it, and so does ResetSimulator.
 */
public class FailJobStepOperation implements SyncOperation {
    private static final OperationDescriptor DESCRIPTOR = OperationDescriptor.builder("FailJobStep")
            .description("Make the next runs of a job step fail before the step runs (the job rolls back); failures 0 clears it")
            .kind(OperationKind.ACTION).async(false).resourceType(SimulatorOperations.RESOURCE_TYPE)
            .inventoryType(InjectionInventory.class)
            .param(ParameterDescriptor.string("operation").mandatory().matching("[A-Z][A-Za-z0-9]{0,127}")
                    .describedAs("the operation whose jobs are affected, e.g. CreateVmInstance"))
            .param(ParameterDescriptor.string("step").mandatory().matching("[a-z][a-z0-9-]{0,63}")
                    .describedAs("the step that fails, e.g. allocate-nics (a job's error and progress name its steps)"))
            .param(ParameterDescriptor.integer("failures").range(-1, Integer.MAX_VALUE).withDefault("1")
                    .describedAs("how many of the next runs fail: -1 every one, 0 none"))
            .param(ParameterDescriptor.string("message").maxLength(1024).describedAs("text added to the failure message"))
            .rest(RestBinding.put("/simulators/actions", "failJobStep"))
            .build();

    private final FaultInjector faults;

    /** @param faults the injections */
    public FailJobStepOperation(FaultInjector faults) { this.faults = faults; }

    @Override public OperationDescriptor descriptor() { return DESCRIPTOR; }

    @Override
    public OperationResult execute(OperationRequest request) {
        InjectionInventory active = faults.configureStep(request.string("operation"), request.string("step"),
                request.integer("failures"), request.string("message"));
        return active == null ? OperationResult.empty() : OperationResult.inventory(active);
    }
}
