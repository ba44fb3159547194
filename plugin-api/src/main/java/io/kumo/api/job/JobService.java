package io.kumo.api.job;

import java.time.Duration;
import java.util.Optional;

/** Reads jobs and waits for them. */
public interface JobService {
    /** @param jobId a job id @return the job, if known */
    Optional<JobInventory> get(String jobId);

    /**
     * Waits until the job finishes or the timeout passes.
     *
     * @param jobId   a job id
     * @param timeout how long to wait at most
     * @return the job as it is when it finished or when the wait ended
     * @throws io.kumo.api.error.ApiException if the job is unknown
     */
    JobInventory await(String jobId, Duration timeout);
}
