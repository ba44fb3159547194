package io.kumo.core.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs tasks so that tasks with the same key run one after another, in submission order, while tasks with different
 * keys run in parallel on the pool. No global lock: each key has its own chain of futures, dropped when it drains.
 */
public final class KeyedSerialExecutor {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeyedSerialExecutor.class);
    private final Executor pool;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** @param pool where tasks run */
    public KeyedSerialExecutor(Executor pool) { this.pool = pool; }

    /**
     * @param key  the serialization key
     * @param task the task; exceptions are contained (the chain continues)
     * @return completes when the task has run
     */
    public CompletableFuture<Void> submit(String key, Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(key, done);
        Runnable body = () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("a task on key {} failed", key, e);
            } finally {
                tails.remove(key, done);
                done.complete(null);
            }
        };
        if (previous == null) {
            pool.execute(body);
        } else {
            previous.whenComplete((v, e) -> pool.execute(body));
        }
        return done;
    }

    /** @return how many keys have queued or running tasks */
    public int activeKeys() { return tails.size(); }
}
