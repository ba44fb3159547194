package io.kumo.api.job;

import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;

/** What a step sees of its job: the request, a persisted scratch map, progress and the result. */
public interface StepContext {
    /** @return the job id */
    String jobId();

    /** @return the validated request the job runs */
    OperationRequest request();

    /**
     * Stores a value for later steps and for rollback; persisted with the job after each step.
     *
     * @param key   a key
     * @param value a JSON-compatible value: String, Number, Boolean, List or Map of those
     */
    void put(String key, Object value);

    /** @param key a key @return the stored value, or null */
    Object get(String key);

    /** @param key a key @return the stored value as a string, or null */
    default String getString(String key) { Object v = get(key); return v == null ? null : v.toString(); }

    /**
     * Reports progress within the current step; persisted and visible to pollers.
     *
     * @param percent 0..100 within the whole job
     * @param message what is happening now
     */
    void progress(int percent, String message);

    /** @param result the job's result, returned to the caller when the job succeeds */
    void result(OperationResult result);
}
