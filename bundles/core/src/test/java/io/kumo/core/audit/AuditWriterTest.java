package io.kumo.core.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditWriterTest {
    /** Records batches; can hold the writer thread inside a write. */
    static final class Sink implements AuditSink {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger completions = new AtomicInteger();
        volatile CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);

        @Override public void write(List<AuditEntity> batch) {
            entered.countDown();
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            batches.add(batch.stream().map(AuditEntity::getOperationName).toList());
        }

        @Override public void completeJobs() { completions.incrementAndGet(); }

        int written() { synchronized (batches) { return batches.stream().mapToInt(List::size).sum(); } }
    }

    private static AuditEntity record(String name) {
        AuditEntity a = new AuditEntity();
        a.setOperationName(name);
        return a;
    }

    @Test
    void writesInBatchesOfAtMostBatchSize() throws Exception {
        Sink sink = new Sink();
        AuditWriter w = new AuditWriter(sink, 1000, 10_000, 5, 1000);  // only the batch size can trigger a write
        w.start();
        for (int i = 0; i < 12; i++) {
            assertTrue(w.submit(record("Op" + i)));
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (sink.written() < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(10, sink.written(), "two full batches written without waiting for the interval");
        long t0 = System.nanoTime();
        w.stop();
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "stop does not wait for the interval");
        assertEquals(12, sink.written(), "stop writes what is still queued");
        sink.batches.forEach(b -> assertTrue(b.size() <= 5, "batch of " + b.size()));
        assertEquals(List.of("Op0", "Op1", "Op2", "Op3", "Op4"), sink.batches.get(0), "in submission order");
    }

    @Test
    void aLoneRecordIsWrittenAfterTheFlushInterval() throws Exception {
        Sink sink = new Sink();
        AuditWriter w = new AuditWriter(sink, 100, 50, 500, 1000);
        w.start();
        try {
            long t0 = System.nanoTime();
            w.submit(record("CreateZone"));
            assertTrue(sink.entered.await(2, TimeUnit.SECONDS));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 1500, "written within the interval, not at stop");
            long deadline = System.currentTimeMillis() + 2000;
            while (sink.completions.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(sink.completions.get() >= 1, "job completion is checked on the writer thread");
        } finally {
            w.stop();
        }
        assertEquals(List.of(List.of("CreateZone")), sink.batches);
    }

    @Test
    void aFullQueueMakesCallersWaitThenDropsOnlyAfterTheWait() throws Exception {
        Sink sink = new Sink();
        sink.gate = new CountDownLatch(1);
        AuditWriter w = new AuditWriter(sink, 2, 1, 1, 200);
        w.start();
        w.submit(record("A"));
        assertTrue(sink.entered.await(2, TimeUnit.SECONDS));  // the writer is stuck writing A
        assertTrue(w.submit(record("B")));
        assertTrue(w.submit(record("C")));                     // queue full now
        long t0 = System.nanoTime();
        assertFalse(w.submit(record("D")), "no room within the wait");
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 150, "the caller waited for room");
        assertEquals(1, w.lost());

        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                return;
            }
            sink.gate.countDown();
        });
        releaser.start();
        assertTrue(w.submit(record("E")), "room appears while the caller waits");
        w.stop();
        assertEquals(List.of("A", "B", "C", "E"), sink.batches.stream().flatMap(List::stream).toList());
    }

    @Test
    void aFailingWriteIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        AuditWriter w = new AuditWriter(new AuditSink() {
            @Override public void write(List<AuditEntity> batch) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("database down");
                }
                batch.forEach(a -> written.add(a.getOperationName()));
            }
            @Override public void completeJobs() { }
        }, 10, 20, 10, 100);
        w.start();
        w.submit(record("X"));
        w.stop();
        assertEquals(List.of("X"), written);
        assertEquals(0, w.lost());
    }
}
