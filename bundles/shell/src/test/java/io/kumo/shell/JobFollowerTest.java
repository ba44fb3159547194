package io.kumo.shell;

import io.kumo.api.error.ApiException;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobState;
import io.kumo.shell.Fakes.SteppingJobService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JobFollowerTest {

    @Test
    void progressLineShowsPercentStepAndMessage() {
        assertEquals("[ 40%] allocate: reserving ip",
                JobFollower.progressLine(Fakes.job("j", JobState.Running, 40, "allocate", "reserving ip", null, null)));
        assertEquals("[  5%] allocate", JobFollower.progressLine(Fakes.job("j", JobState.Running, 5, "allocate", " ", null, null)));
        assertEquals("[100%] all done", JobFollower.progressLine(Fakes.job("j", JobState.Succeeded, 100, null, "all done", null, null)));
        assertEquals("[  0%] Waiting", JobFollower.progressLine(Fakes.job("j", JobState.Waiting, 0, null, null, null, null)));
    }

    @Test
    void followReportsEachChangeAndReturnsTheFinishedJob() throws Exception {
        SteppingJobService jobs = new SteppingJobService(
                Fakes.job("j1", JobState.Waiting, 0, null, null, null, null),
                Fakes.job("j1", JobState.Running, 10, "a", null, null, null),
                Fakes.job("j1", JobState.Running, 60, "b", null, null, null),
                Fakes.job("j1", JobState.Running, 60, "b", null, null, null),
                Fakes.job("j1", JobState.Succeeded, 100, "b", null, null, null));
        List<String> lines = new ArrayList<>();
        JobInventory done = new JobFollower(jobs, () -> { }).follow("j1", lines::add);
        assertEquals(JobState.Succeeded, done.state());
        assertEquals(List.of("[  0%] Waiting", "[ 10%] a", "[ 60%] b", "[100%] b"), lines);
        assertEquals(5, jobs.gets);
    }

    @Test
    void unknownJobIsAnApiError() {
        ApiException e = assertThrows(ApiException.class,
                () -> new JobFollower(new SteppingJobService(), () -> { }).follow("nope", l -> { }));
        assertEquals("SYS.1012", e.error().code());
    }
}
