package io.kumo.shell;

import io.kumo.api.error.ApiError;
import io.kumo.api.job.JobState;
import io.kumo.shell.Fakes.FakeOperationRegistry;
import io.kumo.shell.Fakes.FakeOperationService;
import io.kumo.shell.Fakes.FakeSession;
import io.kumo.shell.Fakes.SteppingJobService;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticCommandsTest {
    private final FakeOperationRegistry registry = new FakeOperationRegistry();
    private final FakeSession session = new FakeSession();

    private ShellServices services(SteppingJobService jobs) {
        return new ShellServices(registry, new FakeOperationService(), jobs, ShellJson.newMapper(), () -> { });
    }

    private static List<Object> args(Object... a) { return new ArrayList<>(Arrays.asList(a)); }

    private List<List<String>> rows() {
        return session.output().lines()
                .filter(l -> !l.isBlank() && !l.matches("[-─┼+\\s]+"))
                .map(l -> Arrays.stream(l.split("[│|]", -1)).map(String::trim).toList())
                .toList();
    }

    @Test
    void operationsListsEveryOperationSortedByCommand() throws Exception {
        registry.add(Fakes.operation(Fixtures.QUERY_ZONE));
        registry.add(Fakes.operation(Fixtures.CREATE_ZONE));
        registry.add(Fakes.operation(Fixtures.UPDATE_ZONE));
        OperationsCommand command = new OperationsCommand(services(new SteppingJobService()));
        assertEquals("operations", command.getName());
        command.execute(session, args());
        List<List<String>> rows = rows();
        assertEquals(List.of("Command", "Name", "Kind", "Async", "REST"), rows.get(0));
        assertEquals(List.of("kumo:create-zone", "CreateZone", "CREATE", "yes", "POST /zones"), rows.get(1));
        assertEquals(List.of("kumo:query-zone", "QueryZone", "QUERY", "no", "GET /zones"), rows.get(2));
        assertEquals(List.of("kumo:update-zone", "UpdateZone", "ACTION", "yes", "PUT /zones/{uuid}/actions"), rows.get(3));
    }

    @Test
    void operationsFiltersByText() throws Exception {
        registry.add(Fakes.operation(Fixtures.QUERY_ZONE));
        registry.add(Fakes.operation(Fixtures.CREATE_ZONE));
        new OperationsCommand(services(new SteppingJobService())).execute(session, args("create"));
        assertEquals(2, rows().size());
        assertEquals("kumo:create-zone", rows().get(1).get(0));
    }

    @Test
    void jobShowsStateProgressAndResult() throws Exception {
        SteppingJobService jobs = new SteppingJobService(Fakes.job("j1", JobState.Succeeded, 100, "persist", "done",
                Map.of("inventory", Map.of("uuid", "z1")), null));
        new JobCommand(services(jobs)).execute(session, args("j1"));
        List<List<String>> rows = rows();
        assertTrue(rows.contains(List.of("uuid", "j1")), rows.toString());
        assertTrue(rows.contains(List.of("state", "Succeeded")), rows.toString());
        assertTrue(rows.contains(List.of("progress", "100%")), rows.toString());
        assertTrue(rows.contains(List.of("currentStep", "persist")), rows.toString());
        assertTrue(rows.contains(List.of("Result:")), rows.toString());
        assertTrue(rows.contains(List.of("uuid", "z1")), rows.toString());
    }

    @Test
    void jobShowsTheErrorOfAFailedJobWithoutFailing() throws Exception {
        SteppingJobService jobs = new SteppingJobService(Fakes.job("j2", JobState.Failed, 40, "attach", null, null,
                new ApiError("SYS.1001", 503, "The operation failed", "attach failed: busy")));
        new JobCommand(services(jobs)).execute(session, args("j2"));
        assertTrue(session.output().contains("Error SYS.1001: attach failed: busy"), session.output());
    }

    @Test
    void jobWaitFollowsUntilTheEnd() throws Exception {
        SteppingJobService jobs = new SteppingJobService(
                Fakes.job("j3", JobState.Running, 10, "a", null, null, null),
                Fakes.job("j3", JobState.Running, 60, "b", null, null, null),
                Fakes.job("j3", JobState.Succeeded, 100, "b", null, null, null));
        new JobCommand(services(jobs)).execute(session, args("j3", "--wait"));
        List<String> lines = session.output().lines().toList();
        assertEquals(List.of("[ 10%] a", "[ 60%] b", "[100%] b"), lines.subList(0, 3));
        assertTrue(rows().contains(List.of("state", "Succeeded")));
    }

    @Test
    void jobJsonAndErrors() throws Exception {
        SteppingJobService jobs = new SteppingJobService(Fakes.job("j4", JobState.Running, 10, "a", null, null, null));
        new JobCommand(services(jobs)).execute(session, args("j4", "--json"));
        assertTrue(session.output().contains("\"state\" : \"Running\""), session.output());

        CommandException unknown = assertThrows(CommandException.class,
                () -> new JobCommand(services(jobs)).execute(session, args("nope")));
        assertTrue(unknown.getMessage().startsWith("Error SYS.1012: no job with id nope"), unknown.getMessage());
        CommandException missing = assertThrows(CommandException.class,
                () -> new JobCommand(services(jobs)).execute(session, args()));
        assertTrue(missing.getMessage().startsWith("Error SYS.1007: kumo:job takes one job id"), missing.getMessage());
    }
}
