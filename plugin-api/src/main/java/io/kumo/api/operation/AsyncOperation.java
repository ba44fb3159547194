package io.kumo.api.operation;

import io.kumo.api.job.Flow;

/**
 * A mutating operation run as a persisted job. The kernel calls {@link #check} on the node that owns
 * {@link #serializationKey}; if it passes, a job is persisted and {@link #flow} is run step by step, serialized with
 * every other job on the same key. After a crash, {@link #flow} is called again to roll back the completed steps.
 */
public interface AsyncOperation extends Operation {
    /**
     * The key jobs are serialized on, usually the uuid of the resource acted on (for a create, the new uuid).
     *
     * @param request the validated request
     * @return the serialization key; also decides which management node owns the job
     */
    String serializationKey(OperationRequest request);

    /**
     * Checks the request against the current state before any job exists; a refusal here writes nothing and
     * reaches the caller as a 4xx.
     *
     * @param request the validated request
     * @throws io.kumo.api.error.ApiException to refuse the request
     */
    default void check(OperationRequest request) { }

    /**
     * Builds the steps of the job. Must be deterministic and free of side effects: it is also called after a crash
     * to roll back the steps that completed.
     *
     * @param request the validated request
     * @return the flow
     */
    Flow flow(OperationRequest request);
}
