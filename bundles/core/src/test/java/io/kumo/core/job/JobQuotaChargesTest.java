package io.kumo.core.job;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.job.Flow;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobState;
import io.kumo.api.job.Step;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationRequest;
import io.kumo.core.identity.quota.QuotaCharges;
import io.kumo.core.identity.quota.QuotaManager;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.FakeClusterService;
import io.kumo.core.testing.FixedGlobalConfig;
import io.kumo.core.testing.QuotaFixtures;
import io.kumo.core.testing.QuotaFixtures.FakeUsage;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quota charges held by unfinished jobs: concurrent requests of one account never take it over a limit. */
class JobQuotaChargesTest {
    private static final String NODE = "0123456789abcdef0123456789abcdef";
    private static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Database db;
    private JobStore store;
    private JobEngine engine;
    private JobServiceImpl jobs;
    private QuotaManager quotas;
    private final FakeUsage usage = new FakeUsage();

    @BeforeEach
    void start() {
        db = Database.h2();
        store = Stores.jobs(db);
        var identities = Stores.identities(db, null);
        identities.persist(QuotaFixtures.account(A, "tenant", "Normal"));
        quotas = new QuotaManager(Stores.quotas(db, null), identities,
                new FixedGlobalConfig(Map.of("quota.vm.num", "2", "quota.vm.memorySize", "4096")));
        quotas.bind(usage);
        engine = new JobEngine(store, new FakeClusterService(NODE), new FixedGlobalConfig(), 8);
        engine.setQuotas(quotas);
        jobs = new JobServiceImpl(store);
    }

    @AfterEach
    void stop() throws InterruptedException {
        engine.shutdown();
        db.close();
    }

    private static OperationRequest request(TestOperation op, String key) {
        return new OperationRequest(op.descriptor().name(), Map.of("key", key), null, null,
                new Caller(A, "tenant", null, null, false, "test", null), Uuids.random());
    }

    /** A create of one VM: checked in check(), made by its step once the gate opens. */
    private TestOperation createVm(CountDownLatch gate, boolean fail) {
        return new TestOperation("CreateVm", r -> Flow.named("CreateVm").step(Step.of("create", ctx -> {
            assertTrue(gate.await(20, TimeUnit.SECONDS));
            if (fail) {
                throw new IllegalStateException("no host");
            }
            usage.used.merge("vm.num", 1L, Long::sum);
        }, ctx -> { })).build(), r -> quotas.check(A, Map.of("vm.num", 1L)));
    }

    private JobInventory finished(String jobId) {
        JobInventory job = jobs.await(jobId, WAIT);
        assertTrue(job.state().finished(), "job " + jobId + " did not finish: " + job.state());
        return job;
    }

    @Test
    void aRunningJobHoldsItsChargeSoAConcurrentRequestCannotTakeTheSameUnit() {
        usage.used.put("vm.num", 1L); // limit 2: one more fits
        CountDownLatch gate = new CountDownLatch(1);
        TestOperation op = createVm(gate, false);
        String first = engine.accept(op, request(op, "vm-1"));
        assertEquals(QuotaCharges.of(A, Map.of("vm.num", 1L)), QuotaCharges.fromJson(store.find(first).getQuotaJson()),
                "the running job holds its unit");

        OperationRequest second = request(op, "vm-2");
        ApiException e = assertThrows(ApiException.class, () -> engine.accept(op, second),
                "usage still says 1, but the first job holds the last unit");
        assertEquals(ErrorCode.QUOTA_EXCEEDED.code(), e.error().code());
        assertTrue(e.error().details().contains("1 more held by its requests still running"), e.error().details());
        assertNull(store.find(second.requestId()), "a refused request leaves no job behind");

        gate.countDown();
        assertEquals(JobState.Succeeded, finished(first).state());
        ApiException after = assertThrows(ApiException.class, () -> engine.accept(op, request(op, "vm-3")));
        assertTrue(after.error().details().contains("used 2,") && !after.error().details().contains("held"),
                "finished, the job holds nothing; its VM is counted as used: " + after.error().details());
    }

    @Test
    void aFailedJobReleasesWhatItHeld() {
        usage.used.put("vm.num", 1L);
        CountDownLatch gate = new CountDownLatch(1);
        TestOperation failing = createVm(gate, true);
        String first = engine.accept(failing, request(failing, "vm-1"));
        gate.countDown();
        assertEquals(JobState.Failed, finished(first).state());

        TestOperation op = createVm(new CountDownLatch(0), false);
        String second = engine.accept(op, request(op, "vm-2"));
        assertEquals(JobState.Succeeded, finished(second).state());
        assertEquals(2L, usage.used.get("vm.num"));
    }

    @Test
    void whatAStepIsGrantedIsHeldForTheRestOfTheJob() {
        CountDownLatch gate = new CountDownLatch(1);
        List<String> rolledBack = new ArrayList<>();
        TestOperation upload = new TestOperation("AddImage", r -> Flow.named("AddImage")
                .step(Step.of("download", ctx -> quotas.check(A, Map.of("vm.memorySize", 3000L)),
                        ctx -> rolledBack.add(r.requireString("key"))))
                .step(Step.of("register", ctx -> assertTrue(gate.await(20, TimeUnit.SECONDS)), ctx -> { }))
                .build());
        String first = engine.accept(upload, request(upload, "image-1"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!"register".equals(jobs.await(first, Duration.ofMillis(50)).currentStep()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        String second = engine.accept(upload, request(upload, "image-2"));
        JobInventory refused = finished(second);
        assertEquals(JobState.Failed, refused.state(), "3000 held by the first job + 3000 > 4096");
        assertEquals(ErrorCode.QUOTA_EXCEEDED.code(), refused.error().code());
        assertEquals(List.of("image-2"), rolledBack, "the step that was granted too much is rolled back");
        gate.countDown();
        assertEquals(JobState.Succeeded, finished(first).state());
    }

    @Test
    void concurrentRequestsNeverTakeTheAccountOverItsLimit() throws Exception {
        int clients = 8;
        CountDownLatch gate = new CountDownLatch(1);
        TestOperation op = createVm(gate, false);
        CyclicBarrier together = new CyclicBarrier(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String key = "vm-" + i;
            results.add(pool.submit(() -> {
                together.await();
                try {
                    return engine.accept(op, request(op, key));
                } catch (ApiException refused) {
                    assertEquals(ErrorCode.QUOTA_EXCEEDED.code(), refused.error().code());
                    return null;
                }
            }));
        }
        List<String> accepted = new ArrayList<>();
        for (Future<String> f : results) {
            String id = f.get(30, TimeUnit.SECONDS);
            if (id != null) {
                accepted.add(id);
            }
        }
        pool.shutdown();
        gate.countDown();
        accepted.forEach(id -> assertEquals(JobState.Succeeded, finished(id).state()));
        assertEquals(2, accepted.size(), "of " + clients + " concurrent creates under vm.num limit 2, the earliest two get the units");
        assertEquals(2L, usage.used.get("vm.num"));
    }

    /** Records an unfinished job created at that time holding that charge, as a concurrent request would. */
    private String racingJob(long createdAtMillis, Map<String, Long> charge) {
        JobEntity job = new JobEntity();
        job.setUuid(Uuids.random());
        job.setOperationName("CreateVm");
        job.setSerializationKey(job.getUuid());
        job.setState(JobState.Waiting);
        job.setManagementNodeUuid(NODE);
        job.setRequestJson("{}");
        job.setCreateDate(new Timestamp(createdAtMillis));
        job.setLastOpDate(job.getCreateDate());
        job.setQuotaJson(QuotaCharges.of(A, charge).toJson());
        store.create(job);
        return job.getUuid();
    }

    @Test
    void aRequestWaitsForLaterRacersToGiveUpButNotForEarlierOnes() throws Exception {
        usage.used.put("vm.num", 1L); // limit 2: one unit left
        TestOperation op = createVm(new CountDownLatch(0), false);
        String later = racingJob(System.currentTimeMillis() + 60_000, Map.of("vm.num", 1L));
        Thread giveUp = new Thread(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(30));
            store.delete(later); // the later racer saw this request and was refused
        });
        giveUp.start();
        String id = engine.accept(op, request(op, "vm-1"));
        giveUp.join();
        assertEquals(JobState.Succeeded, finished(id).state(), "the earlier request gets the last unit");

        usage.used.put("vm.num", 1L);
        racingJob(System.currentTimeMillis() - 60_000, Map.of("vm.num", 1L)); // an earlier racer, still running
        ApiException e = assertThrows(ApiException.class, () -> engine.accept(op, request(op, "vm-2")));
        assertTrue(e.error().details().contains("1 more held by its requests still running"), e.error().details());

        racingJob(System.currentTimeMillis() + 60_000, Map.of("vm.num", 5L)); // and a later one that never gives up
        usage.used.put("vm.num", 0L);
        assertThrows(ApiException.class, () -> engine.accept(op, request(op, "vm-3")),
                "a later racer still there after the last look counts: the account never goes over");
    }
}
