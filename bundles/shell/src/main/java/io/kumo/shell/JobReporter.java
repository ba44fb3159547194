package io.kumo.shell;

import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobState;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Waits for jobs on the console and prints them: progress lines, then the result or the error. */
final class JobReporter {
    private final JobFollower follower;
    private final ResultPrinter printer;

    JobReporter(JobFollower follower, ResultPrinter printer) {
        this.follower = follower;
        this.printer = printer;
    }

    /**
     * Follows a job to its end and prints its result; Ctrl-C stops waiting and leaves the job running.
     *
     * @param jobId the job
     * @param json  print the result as JSON (and no progress lines)
     * @param out   the console
     * @throws ApiException with the job's error if it failed, or if the job is unknown
     */
    void awaitResult(String jobId, boolean json, PrintStream out) {
        JobInventory job = follow(jobId, json, out);
        if (job == null) {
            return;
        }
        if (job.state() == JobState.Failed) {
            throw new ApiException(errorOf(job));
        }
        printer.print(job.result(), json, out);
    }

    /**
     * Follows a job to its end, printing progress unless {@code json}.
     *
     * @return the finished job, or null if the wait was interrupted (a note is printed)
     */
    JobInventory follow(String jobId, boolean json, PrintStream out) {
        try {
            return follower.follow(jobId, json ? line -> { } : out::println);
        } catch (InterruptedException e) {
            // Ctrl-C ends the wait, not the job; the interrupt is consumed here as the user's answer.
            out.println(interruptedNote(jobId));
            return null;
        }
    }

    /** @param jobId a job id @return the job @throws ApiException if unknown */
    JobInventory get(String jobId) {
        return follower.get(jobId);
    }

    /**
     * Prints a job: its fields, then its error or result.
     *
     * @param job  the job
     * @param json print the job as JSON
     * @param out  the console
     */
    void show(JobInventory job, boolean json, PrintStream out) {
        if (json) {
            printer.printJson(job, out);
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("uuid", job.uuid());
        fields.put("operation", job.operation());
        fields.put("state", job.state());
        fields.put("progress", job.progress() + "%");
        fields.put("currentStep", job.currentStep());
        fields.put("progressMessage", job.progressMessage());
        fields.put("managementNodeUuid", job.managementNodeUuid());
        fields.put("createDate", job.createDate() == null ? null : job.createDate().toString());
        fields.put("lastOpDate", job.lastOpDate() == null ? null : job.lastOpDate().toString());
        printer.printFields(fields, out);
        if (job.state() == JobState.Failed) {
            out.println(errorLine(errorOf(job)));
        } else if (job.result() != null && !job.result().isEmpty()) {
            out.println("Result:");
            printer.print(job.result(), false, out);
        }
    }

    static String interruptedNote(String jobId) {
        return "job " + jobId + " continues in the background; follow it with kumo:job " + jobId;
    }

    /** @param error an error @return {@code Error <code>: <details>} */
    static String errorLine(ApiError error) {
        String details = error.details() == null || error.details().isBlank() ? error.description() : error.details();
        return "Error " + error.code() + ": " + details;
    }

    private static ApiError errorOf(JobInventory job) {
        if (job.error() != null) {
            return job.error();
        }
        return ApiError.of(ErrorCode.OPERATION_FAILED, "job " + job.uuid() + " failed"
                + (job.currentStep() == null ? "" : " at step " + job.currentStep()));
    }
}
