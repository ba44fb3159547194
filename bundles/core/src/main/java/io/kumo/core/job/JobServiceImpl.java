package io.kumo.core.job;

import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobService;
import io.kumo.core.json.Json;

import java.time.Duration;
import java.util.Optional;

/** Reads jobs from the shared database, so any node can answer for a job running on any other. */
public class JobServiceImpl implements JobService {
    private final JobStore store;

    /** @param store job persistence */
    public JobServiceImpl(JobStore store) { this.store = store; }

    @Override
    public Optional<JobInventory> get(String jobId) {
        JobEntity e = store.find(jobId);
        return Optional.ofNullable(e).map(JobServiceImpl::toInventory);
    }

    @Override
    public JobInventory await(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 5;
        while (true) {
            JobInventory job = get(jobId).orElseThrow(() -> new ApiException(ErrorCode.JOB_NOT_FOUND,
                    "no job " + jobId + "; jobs are kept for api.jobRetentionHours after they finish"));
            if (job.state().finished() || System.nanoTime() >= deadline) {
                return job;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
            pause = Math.min(200, pause * 2);
        }
    }

    static JobInventory toInventory(JobEntity e) {
        return new JobInventory(e.getUuid(), e.getOperationName(), e.getSerializationKey(), e.getState(), e.getProgress(),
                e.getCurrentStep(), e.getProgressMessage(), e.getManagementNodeUuid(),
                e.getResultJson() == null ? null : Json.readMap(e.getResultJson()),
                e.getErrorJson() == null ? null : Json.read(e.getErrorJson(), ApiError.class),
                e.getCreateDate(), e.getLastOpDate());
    }
}
