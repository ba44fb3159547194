package io.kumo.core.job;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Flow;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobState;
import io.kumo.api.job.Step;
import io.kumo.api.job.StepInterceptor;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.core.json.Json;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.FakeClusterService;
import io.kumo.core.testing.FixedGlobalConfig;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job engine with the real job store on H2. */
class JobEngineTest {
    private static final String NODE = "0123456789abcdef0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Database db;

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private JobStore store;
    private JobEngine engine;
    private JobServiceImpl jobs;

    @BeforeAll
    static void openDatabase() { db = Database.h2(); }

    @AfterAll
    static void closeDatabase() { db.close(); }

    @BeforeEach
    void startEngine() {
        db.deleteAll();
        store = Stores.jobs(db);
        engine = new JobEngine(store, new FakeClusterService(NODE), new FixedGlobalConfig(), 4);
        jobs = new JobServiceImpl(store);
    }

    @AfterEach
    void stopEngine() throws InterruptedException { engine.shutdown(); }

    private Step recording(String name) {
        return Step.of(name, ctx -> calls.add("run " + name), ctx -> calls.add("rollback " + name));
    }

    private Step failing(String name, Exception failure) {
        return Step.of(name, ctx -> {
            calls.add("run " + name);
            throw failure;
        }, ctx -> calls.add("rollback " + name));
    }

    private JobInventory finished(String jobId) {
        JobInventory job = jobs.await(jobId, WAIT);
        assertTrue(job.state().finished(), "job " + jobId + " did not finish in time: " + job.state());
        return job;
    }

    @Test
    void aFailingStepRollsBackItselfAndTheStepsBeforeItInReverseOrder() {
        TestOperation op = new TestOperation("CreateThing", r -> Flow.named("CreateThing")
                .step(recording("allocate")).step(recording("attach"))
                .step(failing("start", new IllegalStateException("disk full"))).build());
        OperationRequest request = op.request("thing-1", 0);

        String jobId = engine.accept(op, request);
        assertEquals(request.requestId(), jobId, "the request id is the job id");
        JobInventory job = finished(jobId);

        assertEquals(List.of("run allocate", "run attach", "run start", "rollback start", "rollback attach", "rollback allocate"), calls);
        assertEquals(JobState.Failed, job.state());
        assertEquals(ErrorCode.OPERATION_FAILED.code(), job.error().code());
        assertEquals(503, job.error().httpStatus());
        assertEquals("step 'start' of CreateThing failed: disk full", job.error().details());
        assertEquals("start", job.currentStep());
        assertEquals(66, job.progress(), "progress stays where the job failed");
        assertNull(job.result());
        assertEquals(NODE, job.managementNodeUuid());
        assertEquals("thing-1", job.serializationKey());
        assertEquals("CreateThing", job.operation());
    }

    @Test
    void anInterceptorFailsAStepBeforeItRunsAndTheJobRollsBackUntilItIsUnbound() {
        TestOperation op = new TestOperation("CreateThing", r -> Flow.named("CreateThing")
                .step(recording("allocate")).step(recording("attach")).step(recording("start")).build());
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        StepInterceptor interceptor = (operation, step, jobId) -> {
            seen.add(operation + "/" + step);
            if (step.equals("attach")) {
                throw new IllegalStateException("injected");
            }
        };
        engine.bindInterceptor(interceptor);

        JobInventory failed = finished(engine.accept(op, op.request("thing-1", 0)));
        assertEquals(JobState.Failed, failed.state());
        assertEquals("step 'attach' of CreateThing failed: injected", failed.error().details());
        assertEquals(List.of("run allocate", "rollback attach", "rollback allocate"), calls, "attach never ran");
        assertEquals(List.of("CreateThing/allocate", "CreateThing/attach"), seen);

        engine.unbindInterceptor(interceptor);
        calls.clear();
        assertEquals(JobState.Succeeded, finished(engine.accept(op, op.request("thing-2", 0))).state());
        assertEquals(List.of("run allocate", "run attach", "run start"), calls);
    }

    @Test
    void aJobWhoseOperationLeavesWhileItRunsFailsAtItsNextStepAndRollsBack() {
        io.kumo.core.operation.OperationRegistryImpl registry = new io.kumo.core.operation.OperationRegistryImpl();
        engine.setOperationRegistry(registry);
        TestOperation[] self = new TestOperation[1];
        self[0] = new TestOperation("AddThing", r -> Flow.named("AddThing")
                .step(recording("create"))
                .step(Step.of("connect", ctx -> {
                    calls.add("run connect");
                    registry.unbind(self[0]);  // the plugin is removed while this step runs
                }, ctx -> calls.add("rollback connect")))
                .step(recording("announce")).build());
        registry.bind(self[0]);

        JobInventory job = finished(engine.accept(self[0], self[0].request("thing-1", 0)));
        assertEquals(JobState.Failed, job.state());
        assertEquals(ErrorCode.UNAVAILABLE.code(), job.error().code());
        assertTrue(job.error().details().contains("step 'announce' of AddThing failed: operation AddThing is no longer served"),
                job.error().details());
        assertEquals(List.of("run create", "run connect", "rollback announce", "rollback connect", "rollback create"), calls,
                "the step after the removal never ran; everything before it was undone");

        registry.bind(self[0]);  // back: its jobs run again
        calls.clear();
        assertEquals(JobState.Failed, finished(engine.accept(self[0], self[0].request("thing-2", 0))).state(),
                "the step unbinds it again");
        assertEquals(List.of("run create", "run connect", "rollback announce", "rollback connect", "rollback create"), calls);
    }

    @Test
    void aSecretParameterIsUsedByTheStepsButNeverWrittenToTheJobRecord() {
        TestOperation op = new TestOperation("AddThing", r -> Flow.named("AddThing")
                .step("connect", ctx -> calls.add("connect with " + ctx.request().string("password"))).build());

        String jobId = engine.accept(op, op.requestWithSecret("thing-1", "hunter2"));
        assertEquals(JobState.Succeeded, finished(jobId).state());

        assertEquals(List.of("connect with hunter2"), calls, "the running job sees the secret");
        String record = store.find(jobId).getRequestJson();
        assertFalse(record.contains("hunter2"), "the persisted request must not hold the secret: " + record);
        assertTrue(record.contains(OperationRequest.REDACTED), record);
    }

    @Test
    void aStepThrowingApiExceptionKeepsItsCode() {
        TestOperation op = new TestOperation("CreateThing", r -> Flow.named("CreateThing")
                .step(recording("allocate"))
                .step(failing("register", new ApiException(ErrorCode.CONFLICT, "a thing named thing-1 exists")))
                .step(recording("start")).build());

        JobInventory job = finished(engine.accept(op, op.request("thing-1", 0)));

        assertEquals(List.of("run allocate", "run register", "rollback register", "rollback allocate"), calls);
        assertEquals(JobState.Failed, job.state());
        assertEquals(ErrorCode.CONFLICT.code(), job.error().code());
        assertEquals(ErrorCode.CONFLICT.httpStatus(), job.error().httpStatus());
        assertEquals(ErrorCode.CONFLICT.description(), job.error().description());
        assertEquals("step 'register' of CreateThing failed: a thing named thing-1 exists", job.error().details());
    }

    @Test
    void aFailingRollbackDoesNotStopTheRollbackOfEarlierSteps() {
        TestOperation op = new TestOperation("CreateThing", r -> Flow.named("CreateThing")
                .step(recording("allocate"))
                .step(Step.of("attach", ctx -> calls.add("run attach"), ctx -> {
                    calls.add("rollback attach");
                    throw new IllegalStateException("detach failed");
                }))
                .step(failing("start", new IllegalStateException("boom"))).build());

        JobInventory job = finished(engine.accept(op, op.request("thing-1", 0)));

        assertEquals(List.of("run allocate", "run attach", "run start", "rollback start", "rollback attach", "rollback allocate"), calls);
        assertEquals("step 'start' of CreateThing failed: boom", job.error().details());
    }

    @Test
    void aSuccessfulJobStoresItsResultAndShowsProgressWhileRunning() throws InterruptedException {
        CountDownLatch inSecondStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestOperation op = new TestOperation("CreateThing", r -> Flow.named("CreateThing")
                .step("allocate", ctx -> ctx.put("volume", "vol-1"))
                .step("start", ctx -> {
                    inSecondStep.countDown();
                    assertTrue(release.await(20, TimeUnit.SECONDS));
                    ctx.result(OperationResult.inventory(Map.of("uuid", "thing-1", "volume", ctx.getString("volume"))));
                }).build());

        String jobId = engine.accept(op, op.request("thing-1", 0));
        assertTrue(inSecondStep.await(20, TimeUnit.SECONDS));
        JobInventory running = jobs.get(jobId).orElseThrow();
        assertEquals(JobState.Running, running.state());
        assertEquals("start", running.currentStep());
        assertEquals(50, running.progress());
        assertEquals("vol-1", Json.readMap(store.find(jobId).getContextJson()).get("volume"),
                "the context of completed steps is persisted before the next step runs");
        release.countDown();

        JobInventory job = finished(jobId);
        assertEquals(JobState.Succeeded, job.state());
        assertEquals(100, job.progress());
        assertEquals(Map.of("inventory", Map.of("uuid", "thing-1", "volume", "vol-1")), job.result());
        assertNull(job.error());
        assertEquals(job, jobs.get(jobId).orElseThrow());
    }

    @Test
    void unknownJobs() {
        assertTrue(jobs.get("ffffffffffffffffffffffffffffffff").isEmpty());
        ApiException e = assertThrows(ApiException.class, () -> jobs.await("ffffffffffffffffffffffffffffffff", Duration.ofMillis(10)));
        assertEquals(ErrorCode.JOB_NOT_FOUND.code(), e.error().code());
    }

    @Test
    void aRefusedRequestPersistsNothing() {
        TestOperation op = new TestOperation("CreateThing", r -> Flow.named("CreateThing").step(recording("allocate")).build(),
                r -> {
                    throw new ApiException(ErrorCode.INVALID_STATE, "the zone is disabled");
                });
        OperationRequest request = op.request("thing-1", 0);
        ApiException e = assertThrows(ApiException.class, () -> engine.accept(op, request));
        assertEquals(ErrorCode.INVALID_STATE.code(), e.error().code());
        assertNull(store.find(request.requestId()));
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM JobVO"));
        assertEquals(List.of(), calls);
    }

    @Test
    void jobsOnOneKeyRunOneAtATimeInSubmissionOrder() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        List<String> ids = new ArrayList<>();
        TestOperation op = new TestOperation("UpdateThing", r -> Flow.named("UpdateThing")
                .step("work", ctx -> {
                    int index = ctx.request().integer("index");
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(index);
                    if (index > 0 && !store.find(ids.get(index - 1)).getState().finished()) {
                        violations.add("job " + index + " started before job " + (index - 1) + " finished");
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                    running.decrementAndGet();
                })
                .step("more", ctx -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1))).build());
        List<OperationRequest> requests = IntStream.range(0, 20).mapToObj(i -> op.request("thing-1", i)).toList();
        requests.forEach(r -> ids.add(r.requestId()));

        for (OperationRequest r : requests) {
            engine.accept(op, r);
        }
        for (String id : ids) {
            assertEquals(JobState.Succeeded, finished(id).state());
        }
        assertEquals(1, maxRunning.get(), "jobs on the same key overlapped");
        assertEquals(IntStream.range(0, 20).boxed().toList(), order);
        assertEquals(List.of(), violations);
    }

    @Test
    void aJobWaitsWhileAnotherRunsOnItsKey() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestOperation op = new TestOperation("UpdateThing", r -> Flow.named("UpdateThing")
                .step("work", ctx -> {
                    if (ctx.request().integer("index") == 0) {
                        started.countDown();
                        assertTrue(release.await(20, TimeUnit.SECONDS));
                    }
                }).build());
        String first = engine.accept(op, op.request("thing-1", 0));
        assertTrue(started.await(20, TimeUnit.SECONDS));
        String second = engine.accept(op, op.request("thing-1", 1));
        assertEquals(JobState.Running, jobs.get(first).orElseThrow().state());
        assertEquals(JobState.Waiting, jobs.get(second).orElseThrow().state());
        release.countDown();
        assertEquals(JobState.Succeeded, finished(first).state());
        assertEquals(JobState.Succeeded, finished(second).state());
    }

    @Test
    void jobsOnDifferentKeysRunInParallel() {
        int threads = 4;
        CountDownLatch together = new CountDownLatch(threads);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        TestOperation op = new TestOperation("UpdateThing", r -> Flow.named("UpdateThing")
                .step("work", ctx -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    together.countDown();
                    boolean met = together.await(10, TimeUnit.SECONDS);
                    running.decrementAndGet();
                    if (!met) {
                        throw new IllegalStateException("fewer than " + threads + " jobs ran at once");
                    }
                }).build());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(engine.accept(op, op.request("thing-" + i, i)));
        }
        for (String id : ids) {
            JobInventory job = finished(id);
            assertEquals(JobState.Succeeded, job.state(), () -> String.valueOf(job.error()));
        }
        assertEquals(threads, maxRunning.get(), "jobs on different keys use every worker thread");
    }
}
