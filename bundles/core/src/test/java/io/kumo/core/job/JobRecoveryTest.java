package io.kumo.core.job;

import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Flow;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobState;
import io.kumo.api.job.Step;
import io.kumo.api.operation.OperationRequest;
import io.kumo.core.config.CoreGlobalConfigs;
import io.kumo.core.json.Json;
import io.kumo.core.node.ManagementNodeManager;
import io.kumo.core.node.ManagementNodeStore;
import io.kumo.core.operation.OperationRegistryImpl;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.FixedGlobalConfig;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jobs left unfinished by a stopped node are rolled back from their persisted state and failed. */
class JobRecoveryTest {
    private static final String OTHER_NODE = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static Database db;

    @TempDir
    Path dataDir;

    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private JobStore store;
    private ManagementNodeStore nodeStore;
    private FixedGlobalConfig config;
    private ManagementNodeManager cluster;
    private JobEngine engine;
    private OperationRegistryImpl registry;
    private JobRecovery recovery;
    private JobServiceImpl jobs;

    @BeforeAll
    static void openDatabase() { db = Database.h2(); }

    @AfterAll
    static void closeDatabase() { db.close(); }

    @BeforeEach
    void wire() throws Exception {
        db.deleteAll();
        store = Stores.jobs(db);
        nodeStore = Stores.nodes(db, null);
        config = new FixedGlobalConfig(Map.of(
                CoreGlobalConfigs.MANAGEMENT_NODE + "." + CoreGlobalConfigs.HEARTBEAT_INTERVAL, "1",
                CoreGlobalConfigs.MANAGEMENT_NODE + "." + CoreGlobalConfigs.NODE_TIMEOUT, "5"));
        cluster = new ManagementNodeManager(nodeStore, config, dataDir.toString());
        engine = new JobEngine(store, cluster, config, 4);
        registry = new OperationRegistryImpl();
        recovery = new JobRecovery(store, engine, cluster, registry);
        jobs = new JobServiceImpl(store);
    }

    @AfterEach
    void stop() throws Exception {
        recovery.stop();
        cluster.stop();
        engine.shutdown();
    }

    /** Three steps; each rollback records what it finds in the persisted context. */
    private TestOperation operation(String name) {
        return new TestOperation(name, r -> Flow.named(name)
                .step(Step.of("allocate", ctx -> calls.add("run allocate"),
                        ctx -> calls.add("rollback allocate " + ctx.getString("volume") + " of " + ctx.request().string("key"))))
                .step(Step.of("attach", ctx -> calls.add("run attach"),
                        ctx -> calls.add("rollback attach " + ctx.getString("nic"))))
                .step(Step.of("start", ctx -> calls.add("run start"), ctx -> calls.add("rollback start")))
                .build());
    }

    /** Persists a job as a node that stopped mid-job would have left it. */
    private JobEntity leftBehind(OperationRequest request, String node, JobState state, int completedSteps, String currentStep,
                                 Map<String, Object> context) {
        Timestamp then = new Timestamp(System.currentTimeMillis() - 60_000);
        JobEntity job = new JobEntity();
        job.setUuid(request.requestId());
        job.setOperationName(request.operation());
        job.setSerializationKey(request.string("key"));
        job.setState(state);
        job.setProgress(completedSteps * 100 / 3);
        job.setCurrentStep(currentStep);
        job.setProgressMessage(currentStep);
        job.setCompletedSteps(completedSteps);
        job.setManagementNodeUuid(node);
        job.setRequestJson(Json.write(request));
        job.setContextJson(context == null ? null : Json.write(context));
        job.setCreateDate(then);
        job.setLastOpDate(then);
        store.create(job);
        return job;
    }

    private JobInventory finished(String jobId) {
        JobInventory job = jobs.await(jobId, Duration.ofSeconds(20));
        assertTrue(job.state().finished(), "job " + jobId + " did not finish in time: " + job.state());
        return job;
    }

    @Test
    void aRunningJobIsRolledBackFromItsInterruptedStepAndAWaitingOneIsFailed() {
        TestOperation op = operation("CreateThing");
        OperationRequest crashed = op.request("thing-1", 0);
        OperationRequest queued = op.request("thing-2", 0);
        OperationRequest elsewhere = op.request("thing-3", 0);
        leftBehind(crashed, cluster.localNodeUuid(), JobState.Running, 1, "attach", Map.of("volume", "vol-1", "nic", "nic-1"));
        leftBehind(queued, cluster.localNodeUuid(), JobState.Waiting, 0, null, null);
        leftBehind(elsewhere, OTHER_NODE, JobState.Running, 1, "attach", Map.of("volume", "vol-3"));
        registry.bind(op);
        // the other node is alive (fresh heartbeat): its jobs are its own
        nodeStore.join(OTHER_NODE, "other-host", "dev", new Timestamp(System.currentTimeMillis()));
        cluster.start();

        recovery.start();

        JobInventory rolledBack = finished(crashed.requestId());
        JobInventory failed = finished(queued.requestId());
        assertEquals(List.of("rollback attach nic-1", "rollback allocate vol-1 of thing-1"), calls,
                "the interrupted step and the one before it, in reverse order, with the persisted context");
        assertEquals(JobState.Failed, rolledBack.state());
        assertEquals(ErrorCode.OPERATION_FAILED.code(), rolledBack.error().code());
        assertTrue(rolledBack.error().details().contains("management node stopped during step 'attach' of CreateThing"),
                rolledBack.error().details());

        assertEquals(JobState.Failed, failed.state());
        assertEquals(ErrorCode.OPERATION_FAILED.code(), failed.error().code());
        assertTrue(failed.error().details().contains("stopped before the job started"), failed.error().details());

        assertEquals(JobState.Running, store.find(elsewhere.requestId()).getState(), "another node's job is not ours to recover");
        assertEquals(List.of(elsewhere.requestId()), store.unfinishedOn(OTHER_NODE).stream().map(JobEntity::getUuid).toList());
    }

    @Test
    void aJobWhoseOperationIsNotRegisteredWaitsForIt() {
        TestOperation late = operation("CreateLateThing");
        OperationRequest request = late.request("thing-1", 0);
        leftBehind(request, cluster.localNodeUuid(), JobState.RollingBack, 2, "start", Map.of("volume", "vol-1", "nic", "nic-1"));

        recovery.start();
        registry.bind(operation("CreateOtherThing"));

        JobEntity waiting = store.find(request.requestId());
        assertEquals(JobState.RollingBack, waiting.getState(), "nothing can be rolled back without the operation");
        assertEquals(List.of(), calls);

        registry.bind(late);

        JobInventory job = finished(request.requestId());
        assertEquals(JobState.Failed, job.state());
        assertEquals(List.of("rollback start", "rollback attach nic-1", "rollback allocate vol-1 of thing-1"), calls);
        assertTrue(job.error().details().contains("during step 'start' of CreateLateThing"), job.error().details());
    }

    @Test
    void theJobsOfAGoneNodeAreTakenOverAndRolledBack() throws InterruptedException {
        TestOperation op = operation("CreateThing");
        registry.bind(op);
        nodeStore.join(OTHER_NODE, "other-host", "dev", new Timestamp(System.currentTimeMillis() - 600_000));
        OperationRequest orphan = op.request("thing-1", 0);
        leftBehind(orphan, OTHER_NODE, JobState.Running, 1, "attach", Map.of("volume", "vol-1", "nic", "nic-1"));

        // Listening first, so that the takeover cannot happen before the listener is there; the other node looks alive
        // until the first heartbeat tick (after heartbeatInterval = 1 s) finds its heartbeat older than nodeTimeout.
        recovery.start();
        cluster.start();

        JobInventory job = finished(orphan.requestId());
        assertEquals(JobState.Failed, job.state());
        assertEquals(cluster.localNodeUuid(), job.managementNodeUuid(), "this node took the job over");
        assertEquals(List.of("rollback attach nic-1", "rollback allocate vol-1 of thing-1"), calls);
        // the job is taken over at once (its node is not among the live ones); the first heartbeat tick then marks it gone
        long deadline = System.currentTimeMillis() + 10_000;
        while (!cluster.liveNodes().equals(Set.of(cluster.localNodeUuid())) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(Set.of(cluster.localNodeUuid()), cluster.liveNodes());
        assertEquals("Unreachable", nodeStore.all().stream().filter(n -> n.getUuid().equals(OTHER_NODE)).findFirst()
                .orElseThrow().getState());
        assertNull(job.result());
    }
}
