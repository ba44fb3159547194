package io.kumo.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.job.JobService;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.api.operation.OperationService;

/**
 * What the Kumo commands use.
 *
 * @param registry   the operations served
 * @param operations submits operations
 * @param jobs       reads jobs
 * @param mapper     converts and prints JSON
 * @param pacer      waits between two polls of a job
 */
record ShellServices(OperationRegistry registry, OperationService operations, JobService jobs, ObjectMapper mapper,
                     JobFollower.Pacer pacer) {

    /** @return a printer of results */
    ResultPrinter printer() { return new ResultPrinter(mapper); }

    /** @return a reporter of jobs */
    JobReporter jobReporter() { return new JobReporter(new JobFollower(jobs, pacer), printer()); }
}
