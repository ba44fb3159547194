package io.kumo.rest;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobService;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Jobs held in a map. */
final class FakeJobService implements JobService {
    private final Map<String, JobInventory> jobs = new ConcurrentHashMap<>();

    void put(JobInventory job) { jobs.put(job.uuid(), job); }

    @Override public Optional<JobInventory> get(String jobId) { return Optional.ofNullable(jobs.get(jobId)); }

    @Override
    public JobInventory await(String jobId, Duration timeout) {
        return get(jobId).orElseThrow(() -> new ApiException(ErrorCode.JOB_NOT_FOUND, jobId));
    }
}
