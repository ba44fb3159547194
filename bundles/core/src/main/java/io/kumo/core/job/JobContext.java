package io.kumo.core.job;

import io.kumo.api.job.JobState;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.core.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@link StepContext} of one running job; its data is persisted with the job after each step. */
final class JobContext implements StepContext {
    private final String jobId;
    private final OperationRequest request;
    private final JobStore store;
    private final Map<String, Object> data;
    private OperationResult result = OperationResult.empty();
    private volatile String currentStep;
    private volatile int completedSteps;
    private volatile JobState state = JobState.Running;

    JobContext(String jobId, OperationRequest request, JobStore store, Map<String, Object> data) {
        this.jobId = jobId;
        this.request = request;
        this.store = store;
        this.data = new LinkedHashMap<>(data);
    }

    @Override public String jobId() { return jobId; }
    @Override public OperationRequest request() { return request; }

    @Override public synchronized void put(String key, Object value) { data.put(key, value); }
    @Override public synchronized Object get(String key) { return data.get(key); }

    @Override
    public void progress(int percent, String message) {
        store.recordStep(jobId, state, currentStep, Math.max(0, Math.min(100, percent)), message, completedSteps, dataJson());
    }

    @Override public void result(OperationResult r) { this.result = r == null ? OperationResult.empty() : r; }

    OperationResult result() { return result; }

    /** Records that a step begins; the steps before it have completed. */
    void begin(JobState newState, String step, int index, int percent, String message) {
        this.state = newState;
        this.currentStep = step;
        this.completedSteps = index;
        store.recordStep(jobId, newState, step, percent, message, index, dataJson());
    }

    synchronized String dataJson() { return Json.write(data); }
}
