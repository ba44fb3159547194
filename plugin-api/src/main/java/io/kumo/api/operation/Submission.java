package io.kumo.api.operation;

/**
 * The outcome of submitting an operation: either the result of a synchronous operation or the id of the job that runs
 * an asynchronous one.
 *
 * @param result the result of a synchronous operation, or null
 * @param jobId  the job id of an asynchronous operation, or null
 */
public record Submission(OperationResult result, String jobId) {
    /** @return true if the operation runs as a job */
    public boolean isJob() { return jobId != null; }
}
