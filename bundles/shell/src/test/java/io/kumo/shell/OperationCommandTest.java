package io.kumo.shell;

import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.JobState;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.Submission;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationCommandTest {
    private final FakeOperationService operations = new FakeOperationService();
    private final FakeSession session = new FakeSession();
    private SteppingJobService jobs = new SteppingJobService();
    private JobFollower.Pacer pacer = () -> { };

    private OperationCommand command(OperationDescriptor d) {
        ShellServices services = new ShellServices(new FakeOperationRegistry(), operations, jobs, ShellJson.newMapper(),
                () -> pacer.pause());
        return new OperationCommand(Fakes.operation(d), services);
    }

    private Object run(OperationDescriptor d, Object... args) throws Exception {
        return command(d).execute(session, new ArrayList<>(Arrays.asList(args)));
    }

    private static String lineSep() { return System.lineSeparator(); }

    @Test
    void commandNameScopeAndDescriptionComeFromTheDescriptor() {
        OperationCommand create = command(Fixtures.CREATE_ZONE);
        assertEquals("kumo", create.getScope());
        assertEquals("create-zone", create.getName());
        assertEquals("Create a zone", create.getDescription());
        assertNull(create.getParser());
        assertEquals("get-zone", command(Fixtures.GET_ZONE).getName());
        assertEquals("GetZone", command(Fixtures.GET_ZONE).getDescription(), "falls back to the operation name");
        OperationDescriptor custom = OperationDescriptor.builder("QueryVmNicInSecurityGroup").shellCommand("sg-nics").build();
        assertEquals("sg-nics", command(custom).getName());
        assertEquals("query-vm-nic-in-security-group", OperationDescriptor.toCommandName("QueryVmNicInSecurityGroup"));
    }

    @Test
    void syncResultIsSubmittedAsTheShellAdminAndPrintedAsATable() throws Exception {
        operations.answer = c -> new Submission(OperationResult.inventories(
                List.of(Map.of("uuid", "u1"), Map.of("uuid", "u2")), 2L), null);
        assertNull(run(Fixtures.QUERY_ZONE, "--q", "name=zone1", "--limit=10", "--replyWithCount"));

        FakeOperationService.Call call = operations.calls.get(0);
        assertEquals("QueryZone", call.operation());
        assertEquals(Map.of("q", List.of("name=zone1"), "limit", "10", "replyWithCount", "true"), call.rawParams());
        assertEquals(List.of(), call.systemTags());
        Caller caller = call.caller();
        assertEquals("shell", caller.channel());
        assertTrue(caller.admin());
        assertEquals(Caller.ADMIN_ACCOUNT_UUID, caller.accountUuid());
        String out = session.output();
        assertTrue(out.startsWith("uuid"), out);
        assertTrue(out.contains(lineSep() + "u1" + lineSep()) && out.contains(lineSep() + "u2" + lineSep()), out);
        assertTrue(out.endsWith("Total: 2" + lineSep()), out);
    }

    @Test
    void jsonPrintsTheBody() throws Exception {
        operations.answer = c -> new Submission(OperationResult.of(Map.of("total", 7)), null);
        run(Fixtures.QUERY_ZONE, "--count", "--json");
        assertEquals("{" + lineSep() + "  \"total\" : 7" + lineSep() + "}" + lineSep(), session.output());
    }

    @Test
    void apiErrorsFailTheCommandWithOneLine() {
        operations.answer = c -> {
            throw new ApiException(ErrorCode.CONFLICT, "a zone named zone1 exists");
        };
        CommandException e = assertThrows(CommandException.class, () -> run(Fixtures.CREATE_ZONE, "--name", "zone1"));
        assertEquals("Error SYS.1009: a zone named zone1 exists", e.getMessage());
        assertEquals(e.getMessage(), e.getNiceHelp(), "Karaf prints the nice help, without 'Error executing command'");
        assertNull(e.getCause());
    }

    @Test
    void parseErrorsFailBeforeSubmitting() {
        CommandException e = assertThrows(CommandException.class, () -> run(Fixtures.CREATE_ZONE, "--nope"));
        assertTrue(e.getMessage().startsWith("Error SYS.1007: unknown option --nope for kumo:create-zone; valid options: --name"),
                e.getMessage());
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void unexpectedFailuresAreReportedWithoutDetails() {
        operations.answer = c -> {
            throw new IllegalStateException("secret internals");
        };
        CommandException e = assertThrows(CommandException.class, () -> run(Fixtures.CREATE_ZONE, "--name", "z"));
        assertTrue(e.getMessage().startsWith("Error SYS.1000: "), e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void helpDescribesEveryParameterWithoutSubmitting() throws Exception {
        run(Fixtures.CREATE_ZONE, "--help");
        String out = session.output();
        assertTrue(out.startsWith("kumo:create-zone - Create a zone"), out);
        assertTrue(out.contains("Usage: kumo:create-zone --name <string> [--description <string>] [--state <Enabled|Disabled>]"), out);
        assertTrue(out.matches("(?s).*--state\\s+[|│] string\\s+[|│] no\\s+[|│] Enabled\\s+[|│] Enabled, Disabled\\s+[|│] initial state.*"), out);
        assertTrue(out.matches("(?s).*--name\\s+[|│] string\\s+[|│] yes.*"), out);
        assertTrue(out.contains("--system-tag <value>"), out);
        assertTrue(operations.calls.isEmpty());
    }

    @Test
    void asyncOptionPrintsTheJobId() throws Exception {
        operations.answer = c -> new Submission(null, "job-1");
        run(Fixtures.CREATE_ZONE, "--name", "z", "--async");
        assertEquals("job-1" + lineSep(), session.output());
        assertEquals(0, jobs.gets);
    }

    @Test
    void waitsForTheJobPrintingProgressThenTheResult() throws Exception {
        operations.answer = c -> new Submission(null, "job-1");
        jobs = new SteppingJobService(
                Fakes.job("job-1", JobState.Running, 10, "allocate", "reserving", null, null),
                Fakes.job("job-1", JobState.Running, 10, "allocate", "reserving", null, null),
                Fakes.job("job-1", JobState.Running, 60, "persist", "writing", null, null),
                Fakes.job("job-1", JobState.Succeeded, 100, "persist", "done",
                        Map.of("inventory", Map.of("uuid", "z1", "name", "zone1")), null));
        AtomicInteger pauses = new AtomicInteger();
        pacer = pauses::incrementAndGet;

        assertNull(run(Fixtures.CREATE_ZONE, "--name", "zone1"));

        List<String> lines = session.output().lines().toList();
        assertEquals("[ 10%] allocate: reserving", lines.get(0));
        assertEquals("[ 60%] persist: writing", lines.get(1), "an unchanged poll prints nothing");
        assertEquals("[100%] persist: done", lines.get(2));
        assertTrue(lines.get(3).startsWith("Field"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("uuid\\s+[|│] z1")), lines.toString());
        assertEquals(4, jobs.gets);
        assertEquals(3, pauses.get(), "one pause between two polls");
    }

    @Test
    void failedJobPrintsItsErrorAndFails() {
        operations.answer = c -> new Submission(null, "job-2");
        jobs = new SteppingJobService(
                Fakes.job("job-2", JobState.Running, 30, "create", null, null, null),
                Fakes.job("job-2", JobState.RollingBack, 30, "create", "undoing", null, null),
                Fakes.job("job-2", JobState.Failed, 30, "create", null, null,
                        new ApiError("ZONE.1001", 503, "The operation failed", "step create failed: disk full")));
        CommandException e = assertThrows(CommandException.class, () -> run(Fixtures.CREATE_ZONE, "--name", "z"));
        assertEquals("Error ZONE.1001: step create failed: disk full", e.getMessage());
        assertEquals(List.of("[ 30%] create", "[ 30%] create: undoing (rolling back)", "[ 30%] create (failed)"),
                session.output().lines().toList());
    }

    @Test
    void failedJobWithoutErrorStillNamesTheStep() {
        operations.answer = c -> new Submission(null, "job-3");
        jobs = new SteppingJobService(Fakes.job("job-3", JobState.Failed, 50, "attach", null, null, null));
        CommandException e = assertThrows(CommandException.class, () -> run(Fixtures.CREATE_ZONE, "--name", "z"));
        assertEquals("Error SYS.1001: job job-3 failed at step attach", e.getMessage());
    }

    @Test
    void interruptLeavesTheJobRunning() throws Exception {
        operations.answer = c -> new Submission(null, "job-4");
        jobs = new SteppingJobService(Fakes.job("job-4", JobState.Running, 20, "boot", "starting", null, null));
        pacer = () -> {
            throw new InterruptedException();
        };
        assertNull(run(Fixtures.CREATE_ZONE, "--name", "z"));
        assertEquals(List.of("[ 20%] boot: starting",
                        "job job-4 continues in the background; follow it with kumo:job job-4"),
                session.output().lines().toList());
    }

    @Test
    void realInterruptStopsTheSleepingPacer() throws Exception {
        operations.answer = c -> new Submission(null, "job-5");
        jobs = new SteppingJobService(Fakes.job("job-5", JobState.Waiting, 0, null, null, null, null));
        JobFollower.Pacer sleeping = JobFollower.Pacer.sleeping(60_000);
        pacer = sleeping;
        Thread.currentThread().interrupt();
        try {
            assertNull(run(Fixtures.CREATE_ZONE, "--name", "z"));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of("[  0%] Waiting",
                        "job job-5 continues in the background; follow it with kumo:job job-5"),
                session.output().lines().toList());
    }

    @Test
    void jsonWaitPrintsOnlyTheResult() throws Exception {
        operations.answer = c -> new Submission(null, "job-6");
        jobs = new SteppingJobService(
                Fakes.job("job-6", JobState.Running, 50, "a", null, null, null),
                Fakes.job("job-6", JobState.Succeeded, 100, "a", null, Map.of("total", 1), null));
        run(Fixtures.CREATE_ZONE, "--name", "z", "--json");
        assertEquals("{" + lineSep() + "  \"total\" : 1" + lineSep() + "}" + lineSep(), session.output());
    }

    @Test
    void syncCommandsHaveNoAsyncOption() {
        CommandException e = assertThrows(CommandException.class, () -> run(Fixtures.QUERY_ZONE, "--async"));
        assertTrue(e.getMessage().contains("unknown option --async"), e.getMessage());
    }
}
