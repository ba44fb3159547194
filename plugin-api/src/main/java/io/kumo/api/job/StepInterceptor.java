package io.kumo.api.job;

/**
 * Called by the job engine before each step of every job, on the node that runs the job. Plugins register it as an
 * OSGi service to inject faults (the simulator's {@code FailJobStep}) or to trace jobs. An exception fails the step
 * before it does anything: the job rolls back the steps before it, exactly as for any other failure, and its error
 * names the step. It runs on the job's thread, so it must be quick.
 */
public interface StepInterceptor {
    /**
     * @param operation the operation name, e.g. {@code CreateVmInstance}
     * @param step      the step about to run, e.g. {@code allocate-nics}
     * @param jobId     the job
     * @throws Exception to fail the step
     */
    void beforeStep(String operation, String step, String jobId) throws Exception;
}
