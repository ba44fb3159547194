package io.kumo.simulator.fault;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.StepInterceptor;

/** Fails the job steps named by {@code FailJobStep}, before they run: the job engine then rolls the job back. */
public class SimulatorStepInterceptor implements StepInterceptor {
    private final FaultInjector faults;

    /** @param faults where the step injections are kept */
    public SimulatorStepInterceptor(FaultInjector faults) { this.faults = faults; }

    @Override
    public void beforeStep(String operation, String step, String jobId) {
        String failure = faults.stepFailure(operation, step);
        if (failure != null) {
            throw new ApiException(ErrorCode.OPERATION_FAILED, failure);  // an expected failure: no stack trace in the log
        }
    }
}
