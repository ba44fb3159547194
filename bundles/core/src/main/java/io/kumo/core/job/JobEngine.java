package io.kumo.core.job;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Flow;
import io.kumo.api.job.JobState;
import io.kumo.api.job.Step;
import io.kumo.api.job.StepInterceptor;
import io.kumo.api.operation.OperationRegistry;
import io.kumo.api.operation.AsyncOperation;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.node.ClusterService;
import io.kumo.core.config.CoreGlobalConfigs;
import io.kumo.core.identity.quota.QuotaCharges;
import io.kumo.core.identity.quota.QuotaManager;
import io.kumo.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs asynchronous operations as persisted jobs on the node that owns them: checks, persists, then runs the steps
 * serialized per key; a failing step rolls back itself and the steps before it in reverse order.
 */
public class JobEngine {
    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);

    private final JobStore store;
    private final ClusterService cluster;
    private final GlobalConfigService config;
    private final ExecutorService pool;
    private final List<StepInterceptor> interceptors = new CopyOnWriteArrayList<>();
    private volatile io.kumo.core.identity.ownership.OwnershipManager ownership;
    private volatile JobQuotaGate quotaGate;
    private final KeyedSerialExecutor executor;
    private volatile OperationRegistry registry;

    /**
     * @param store   job persistence
     * @param cluster tells which node this is
     * @param config  global configuration (testing aid {@code job.debugStepDelay})
     * @param threads worker threads for steps
     */
    public JobEngine(JobStore store, ClusterService cluster, GlobalConfigService config, int threads) {
        this.store = store;
        this.cluster = cluster;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kumo-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor = new KeyedSerialExecutor(pool);
    }

    /** @param ownership records the owner of what create jobs make (set by the wiring) */
    public void setOwnership(io.kumo.core.identity.ownership.OwnershipManager ownership) { this.ownership = ownership; }

    /** @param quotas holds what a job's quota checks grant until it finishes (set by the wiring; null: no quotas) */
    public void setQuotas(QuotaManager quotas) { this.quotaGate = quotas == null ? null : new JobQuotaGate(store, quotas); }

    /**
     * @param registry the operations served now: before each step, a job whose operation is no longer the one served
     *                 (its plugin was removed or upgraded while it ran) fails and rolls back; null checks nothing
     */
    public void setOperationRegistry(OperationRegistry registry) { this.registry = registry; }

    /** Stops the workers; running steps are interrupted and recovered at the next start. */
    public void shutdown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** @param interceptor a {@link StepInterceptor} service that appeared; it sees every step from now on */
    public void bindInterceptor(StepInterceptor interceptor) {
        if (interceptor != null) {
            interceptors.add(interceptor);
        }
    }

    /** @param interceptor a {@link StepInterceptor} service that went away */
    public void unbindInterceptor(StepInterceptor interceptor) {
        interceptors.remove(interceptor);
    }

    /**
     * Accepts an asynchronous request on its owner node: checks it, persists the job, and schedules it.
     *
     * @return the job id
     * @throws ApiException if the operation refuses the request (nothing is persisted)
     */
    public String accept(AsyncOperation operation, OperationRequest request) {
        String key = operation.serializationKey(request);
        QuotaCharges charged = charging(() -> operation.check(request));
        Flow flow = operation.flow(request);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        JobEntity job = new JobEntity();
        job.setUuid(request.requestId());
        job.setOperationName(request.operation());
        job.setSerializationKey(key);
        job.setState(JobState.Waiting);
        job.setManagementNodeUuid(cluster.localNodeUuid());
        // secrets are used in memory while the job runs; the record (read again only to roll back) never holds them
        job.setRequestJson(Json.write(request.redacted(operation.descriptor())));
        job.setCreateDate(now);
        job.setLastOpDate(now);
        job.setQuotaJson(charged.toJson());
        store.create(job);
        if (!charged.isEmpty()) {
            try {
                quotaGate.confirm(job.getUuid(), charged);
            } catch (RuntimeException e) {
                store.delete(job.getUuid()); // refused: nothing is left of the request
                throw e;
            }
        }
        executor.submit(key, () -> run(operation, request, flow));
        return job.getUuid();
    }

    private void run(AsyncOperation operation, OperationRequest request, Flow flow) {
        String jobId = request.requestId();
        JobContext ctx = new JobContext(jobId, request, store, Map.of());
        List<Step> steps = flow.steps();
        int n = steps.size();
        for (int index = 0; index < n; index++) {
            final int i = index;
            Step step = steps.get(i);
            int percent = i * 100 / n;
            try {
                ctx.begin(JobState.Running, step.name(), i, percent, "step " + (i + 1) + " of " + n);
                debugDelay();
                requireStillServed(operation, request.operation());
                for (StepInterceptor interceptor : interceptors) {
                    interceptor.beforeStep(request.operation(), step.name(), jobId);
                }
                runCharged(step, ctx, jobId);
            } catch (Throwable failure) {
                ApiError error = errorOf(request.operation(), step, failure);
                LOG.info("job {} ({}) failed at step {}: {}", jobId, request.operation(), step.name(), error.details());
                safely(() -> ctx.begin(JobState.RollingBack, step.name(), i, percent, "rolling back"));
                rollback(steps, i, ctx);
                safely(() -> store.finish(jobId, JobState.Failed, percent, null, Json.write(error), ctx.dataJson()));
                return;
            }
        }
        try {
            // the owner is on record before the job reads as Succeeded: a tenant never sees its new resource unowned
            if (ownership != null) {
                ownership.recordCreated(operation.descriptor(), request.caller(), ctx.result().body());
            }
            store.finish(jobId, JobState.Succeeded, 100, Json.write(ctx.result().body()), null, ctx.dataJson());
        } catch (RuntimeException e) {
            LOG.error("job {} ({}) completed but its result could not be recorded", jobId, request.operation(), e);
        }
    }

    /**
     * Runs a step; what quota checks inside it grant (e.g. an image's size, known once downloaded) is added to the
     * job's charges and confirmed like those of {@link #accept}.
     */
    private void runCharged(Step step, JobContext ctx, String jobId) throws Exception {
        QuotaCharges charged = charging(() -> step.run(ctx));
        if (!charged.isEmpty()) {
            store.holdQuota(jobId, charged);
            quotaGate.confirm(jobId, charged);
        }
    }

    /** Runs work, gathering what its quota checks grant (nothing without a quota manager). */
    private <X extends Exception> QuotaCharges charging(QuotaManager.Work<X> work) throws X {
        JobQuotaGate gate = quotaGate;
        if (gate == null) {
            work.run();
            return new QuotaCharges();
        }
        return gate.collect(work);
    }

    private void requireStillServed(AsyncOperation operation, String name) {
        OperationRegistry r = registry;
        if (r != null && r.find(name).orElse(null) != operation) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "operation " + name + " is no longer served by this node: the "
                    + "plugin that provides it was removed or upgraded while the job ran; what the job had done is rolled "
                    + "back; submit it again once the plugin is installed");
        }
    }

    /**
     * Rolls back a job found unfinished after a crash (or on a dead node), then marks it failed. Runs serialized
     * with other jobs on the same key.
     */
    void recover(JobEntity job, AsyncOperation operation) {
        executor.submit(job.getSerializationKey(), () -> {
            String jobId = job.getUuid();
            if (job.getState() == JobState.Waiting) {
                ApiError error = ApiError.of(ErrorCode.OPERATION_FAILED,
                        "the management node stopped before the job started; nothing was changed; submit it again");
                store.finish(jobId, JobState.Failed, 0, null, Json.write(error), null);
                return;
            }
            try {
                rollBackAfterStop(job, operation);
            } catch (RuntimeException e) {
                LOG.error("job {} ({}) could not be rolled back after a node stop; marking it failed", jobId, job.getOperationName(), e);
                safely(() -> store.finish(jobId, JobState.Failed, job.getProgress(), null, Json.write(ApiError.of(ErrorCode.OPERATION_FAILED,
                        "the management node stopped during " + job.getOperationName() + " and the rollback failed: "
                        + "check the resources it touched; the node log has the details (job " + jobId + ")")), null));
            }
        });
    }

    private void rollBackAfterStop(JobEntity job, AsyncOperation operation) {
            String jobId = job.getUuid();
            ApiError error;
            OperationRequest request = Json.read(job.getRequestJson(), OperationRequest.class);
            Flow flow = operation.flow(request);
            JobContext ctx = new JobContext(jobId, request, store, Json.readMap(job.getContextJson()));
            int last = Math.min(job.getCompletedSteps(), flow.steps().size() - 1);
            String step = job.getCurrentStep() == null ? "?" : job.getCurrentStep();
            ctx.begin(JobState.RollingBack, step, job.getCompletedSteps(), job.getProgress(), "rolling back after a management node stop");
            rollback(flow.steps(), last, ctx);
            error = ApiError.of(ErrorCode.OPERATION_FAILED, "the management node stopped during step '" + step
                    + "' of " + job.getOperationName() + "; the completed steps were rolled back; submit it again");
            store.finish(jobId, JobState.Failed, job.getProgress(), null, Json.write(error), ctx.dataJson());
            LOG.info("job {} ({}) recovered: rolled back from step {}", jobId, job.getOperationName(), step);
    }

    private void rollback(List<Step> steps, int from, JobContext ctx) {
        for (int j = from; j >= 0; j--) {
            Step s = steps.get(j);
            try {
                s.rollback(ctx);
            } catch (Throwable e) {
                LOG.error("job {}: rollback of step {} failed; continuing with the steps before it", ctx.jobId(), s.name(), e);
            }
        }
    }

    private static ApiError errorOf(String operation, Step step, Throwable failure) {
        String prefix = "step '" + step.name() + "' of " + operation + " failed: ";
        if (failure instanceof ApiException api) {
            ApiError e = api.error();
            return new ApiError(e.code(), e.httpStatus(), e.description(), prefix + e.details());
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return ApiError.of(ErrorCode.OPERATION_FAILED, prefix + "the management node is stopping");
        }
        LOG.error("{}unexpected error", prefix, failure);
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return ApiError.of(ErrorCode.OPERATION_FAILED, prefix + message);
    }

    private void debugDelay() throws InterruptedException {
        long delay = config.longValue(CoreGlobalConfigs.JOB, CoreGlobalConfigs.DEBUG_STEP_DELAY);
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("could not record job state", e);
        }
    }
}
