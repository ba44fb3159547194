package io.kumo.bus.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

/**
 * The requests waiting for their reply, by correlation id. Each one is settled exactly once: by its reply, by its
 * timeout, or by {@link #failAll(Supplier)}; whatever comes later (a late reply) finds nothing and is dropped.
 * Futures are completed on the {@code completions} executor, never on a broker thread or the timer.
 */
public final class PendingRequests {
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final Executor completions;
    private volatile Supplier<ApiException> closedWith;

    /**
     * @param timer       schedules the timeouts
     * @param completions completes the futures
     */
    public PendingRequests(ScheduledExecutorService timer, Executor completions) {
        this.timer = timer;
        this.completions = completions;
    }

    /**
     * Registers a request.
     *
     * @param address       where it goes, for the timeout message
     * @param timeoutMillis how long to wait for the reply
     * @return the registered request
     */
    public Pending open(String address, long timeoutMillis) {
        Pending request = new Pending(Long.toString(ids.incrementAndGet(), 36), address);
        pending.put(request.id, request);
        try {
            request.timeout = timer.schedule(() -> expire(request.id, timeoutMillis), timeoutMillis,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the timer only stops when the bus closes
        }
        Supplier<ApiException> closed = closedWith;
        if (closed != null) {
            fail(request.id, closed.get());
        }
        return request;
    }

    /**
     * Takes a request out for settling.
     *
     * @param id the correlation id
     * @return the request, or null when it was already settled
     */
    public Pending take(String id) {
        Pending request = id == null ? null : pending.remove(id);
        if (request != null) {
            ScheduledFuture<?> timeout = request.timeout;
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
        return request;
    }

    /**
     * Fails a request if it is still pending.
     *
     * @param id    the correlation id
     * @param error the failure
     */
    public void fail(String id, ApiException error) {
        Pending request = take(id);
        if (request != null) {
            request.fail(error);
        }
    }

    /**
     * Fails every pending request and every later one.
     *
     * @param error makes the failure of each request
     */
    public void failAll(Supplier<ApiException> error) {
        closedWith = error;
        for (String id : pending.keySet()) {
            Pending request = take(id);
            if (request != null) {
                // completed here: the completion executor is being shut down
                request.future.completeExceptionally(error.get());
            }
        }
    }

    /** @return how many requests wait for a reply */
    public int size() {
        return pending.size();
    }

    private void expire(String id, long timeoutMillis) {
        Pending request = take(id);
        if (request != null) {
            request.fail(new ApiException(ErrorCode.TIMEOUT, "no reply from " + request.address + " within "
                    + timeoutMillis + " ms; check that the management node serving it is running"));
        }
    }

    /** A request waiting for its reply. */
    public final class Pending {
        private final String id;
        private final String address;
        private final CompletableFuture<MessageBus.Message> future = new CompletableFuture<>();
        private volatile ScheduledFuture<?> timeout;

        private Pending(String id, String address) {
            this.id = id;
            this.address = address;
        }

        /** @return the correlation id */
        public String id() { return id; }

        /** @return the address the request went to */
        public String address() { return address; }

        /** @return the future the caller holds */
        public CompletableFuture<MessageBus.Message> future() { return future; }

        /** @param reply the reply to complete with */
        public void complete(MessageBus.Message reply) {
            settle(() -> future.complete(reply));
        }

        /** @param error the failure to complete with */
        public void fail(ApiException error) {
            settle(() -> future.completeExceptionally(error));
        }

        private void settle(Runnable completion) {
            try {
                completions.execute(completion);
            } catch (RejectedExecutionException e) {
                completion.run();
            }
        }
    }
}
