package io.kumo.rest;

import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobService;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /zstack/v1/api-jobs/{id}}: 202 with the location and progress while the job runs, 200 with its result
 * when it succeeded, 503 with its error when it failed.
 */
final class ApiJobEndpoint {
    private final JobService jobs;
    private final ResponseWriter writer;

    /**
     * @param jobs   reads jobs
     * @param writer writes replies
     */
    ApiJobEndpoint(JobService jobs, ResponseWriter writer) {
        this.jobs = jobs;
        this.writer = writer;
    }

    /**
     * @param jobId the job id from the path
     * @param req   the request
     * @param resp  the response
     * @throws IOException if the client went away
     */
    void handle(String jobId, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JobInventory job = jobs.get(jobId).orElseThrow(() -> new ApiException(ErrorCode.JOB_NOT_FOUND,
                "no API job " + jobId + "; it may have expired, or the id is wrong"));
        switch (job.state()) {
            case Succeeded -> writer.json(resp, HttpServletResponse.SC_OK,
                    job.result() == null ? Map.of() : job.result());
            case Failed -> {
                ApiError error = job.error() != null ? job.error()
                        : ApiError.of(ErrorCode.OPERATION_FAILED, job.operation() + " failed");
                writer.json(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ResponseWriter.errorBody(error));
            }
            default -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("location", JobLocations.of(req, job.uuid() != null ? job.uuid() : jobId));
                body.put("state", job.state().name());
                body.put("progress", job.progress());
                body.put("currentStep", job.currentStep());
                body.put("progressMessage", job.progressMessage());
                writer.json(resp, HttpServletResponse.SC_ACCEPTED, body);
            }
        }
    }
}
