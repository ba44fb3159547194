package io.kumo.shell;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobService;
import io.kumo.api.job.JobState;

import java.util.function.Consumer;

/** Polls a job until it finishes, reporting each change of its progress line. */
final class JobFollower {

    /** Waits between two polls; interruptible so that Ctrl-C stops the wait. */
    @FunctionalInterface
    interface Pacer {
        /** @throws InterruptedException when the shell interrupts the command */
        void pause() throws InterruptedException;

        /** @param millis the poll interval @return a pacer sleeping that long */
        static Pacer sleeping(long millis) {
            return () -> Thread.sleep(millis);
        }
    }

    private final JobService jobs;
    private final Pacer pacer;

    /** @param jobs reads jobs @param pacer waits between polls */
    JobFollower(JobService jobs, Pacer pacer) {
        this.jobs = jobs;
        this.pacer = pacer;
    }

    /**
     * @param jobId    the job
     * @param progress called with each new progress line (not called again while the line stays the same)
     * @return the finished job
     * @throws InterruptedException if the wait is interrupted; the job goes on
     * @throws ApiException         if the job is unknown
     */
    JobInventory follow(String jobId, Consumer<String> progress) throws InterruptedException {
        String last = null;
        while (true) {
            JobInventory job = get(jobId);
            String line = progressLine(job);
            if (!line.equals(last)) {
                progress.accept(line);
                last = line;
            }
            if (job.state() != null && job.state().finished()) {
                return job;
            }
            pacer.pause();
        }
    }

    /** @param jobId a job id @return the job @throws ApiException if unknown */
    JobInventory get(String jobId) {
        return jobs.get(jobId).orElseThrow(() -> new ApiException(ErrorCode.JOB_NOT_FOUND,
                "no job with id " + jobId + "; it may have expired"));
    }

    /** @param job a job @return {@code [ 40%] <step>: <message>} */
    static String progressLine(JobInventory job) {
        String step = blankToNull(job.currentStep());
        String message = blankToNull(job.progressMessage());
        StringBuilder sb = new StringBuilder(String.format("[%3d%%] ", job.progress()));
        if (step == null && message == null) {
            sb.append(job.state());
        } else {
            sb.append(step == null ? message : message == null ? step : step + ": " + message);
            if (job.state() == JobState.RollingBack) {
                sb.append(" (rolling back)");
            } else if (job.state() == JobState.Failed) {
                sb.append(" (failed)");
            }
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
