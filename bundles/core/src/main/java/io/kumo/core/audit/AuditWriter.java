package io.kumo.core.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes audit records off the callers' threads: a bounded queue and one writer thread that writes a batch (one
 * transaction) every {@code flushMillis} or every {@code batchSize} records, whichever comes first, and once a second
 * asks the sink to complete the records of finished jobs. A caller finding the queue full waits up to
 * {@code offerMillis} for room rather than losing its record; on {@link #stop()} everything queued is written.
 */
public class AuditWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final long COMPLETE_EVERY_MILLIS = 1000;
    private static final int WRITE_ATTEMPTS = 3;
    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final AuditSink sink;
    private final BlockingQueue<AuditEntity> queue;
    private final long flushMillis;
    private final int batchSize;
    private final long offerMillis;
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /** The node's writer: 10,000 queued records, a batch every 200 ms or 500 records, callers wait up to 5 s. */
    public AuditWriter(AuditSink sink) { this(sink, 10_000, 200, 500, 5_000); }

    /**
     * @param sink        where batches go
     * @param capacity    records queued at most
     * @param flushMillis longest wait before a batch is written
     * @param batchSize   records per batch at most
     * @param offerMillis how long a caller waits for room in a full queue
     */
    public AuditWriter(AuditSink sink, int capacity, long flushMillis, int batchSize, long offerMillis) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.flushMillis = flushMillis;
        this.batchSize = batchSize;
        this.offerMillis = offerMillis;
    }

    /** Starts the writer thread. */
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "kumo-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the writer thread after it has written every queued record. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(30_000);
            thread = null;
        }
    }

    /**
     * Queues a record; waits for room when the queue is full.
     *
     * @param record the record
     * @return false if it was dropped: no room within the wait, or the thread was interrupted
     */
    public boolean submit(AuditEntity record) {
        try {
            if (queue.offer(record) || queue.offer(record, offerMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.error("audit record of {} dropped: the audit queue stayed full ({} dropped so far); is the database reachable?",
                record.getOperationName(), lost.incrementAndGet());
        return false;
    }

    /** @return records dropped since start */
    public long lost() { return lost.get(); }

    private void loop() {
        long lastComplete = 0;
        List<AuditEntity> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                fill(batch);
            } catch (InterruptedException e) {
                running = false;
            }
            write(batch);
            long now = System.currentTimeMillis();
            if (now - lastComplete >= COMPLETE_EVERY_MILLIS) {
                lastComplete = now;
                try {
                    sink.completeJobs();
                } catch (RuntimeException e) {
                    LOG.warn("could not complete the audit records of finished jobs; will retry", e);
                }
            }
        }
        queue.drainTo(batch);
        write(batch);
    }

    /** Waits up to the flush interval for the batch to fill; returns at once when stopping. */
    private void fill(List<AuditEntity> batch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis);
        while (batch.size() < batchSize && running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            AuditEntity next = queue.poll(Math.min(left, STOP_CHECK_NANOS), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
                queue.drainTo(batch, batchSize - batch.size());
            }
        }
    }

    private void write(List<AuditEntity> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                sink.write(batch);
                batch.clear();
                return;
            } catch (RuntimeException e) {
                LOG.warn("could not write {} audit record(s) (attempt {} of {})", batch.size(), attempt, WRITE_ATTEMPTS, e);
            }
        }
        lost.addAndGet(batch.size());
        LOG.error("{} audit record(s) dropped after {} attempts", batch.size(), WRITE_ATTEMPTS);
        batch.clear();
    }
}
