package io.kumo.core.job;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyedSerialExecutorTest {
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "keyed-test");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        return t;
    });
    private final KeyedSerialExecutor executor = new KeyedSerialExecutor(pool);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    private static void waitFor(List<CompletableFuture<Void>> futures) {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Test
    void tasksOnOneKeyRunInSubmissionOrderOneAtATime() {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int index = i;
            futures.add(executor.submit("a", () -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(index);
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                running.decrementAndGet();
            }));
        }
        waitFor(futures);
        assertEquals(IntStream.range(0, 50).boxed().toList(), order);
        assertEquals(1, maxRunning.get());
    }

    @Test
    void orderIsKeptPerKeyWhileKeysInterleave() {
        List<String> a = Collections.synchronizedList(new ArrayList<>());
        List<String> b = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String n = Integer.toString(i);
            futures.add(executor.submit("a", () -> a.add(n)));
            futures.add(executor.submit("b", () -> b.add(n)));
        }
        waitFor(futures);
        List<String> expected = IntStream.range(0, 30).mapToObj(Integer::toString).toList();
        assertEquals(expected, a);
        assertEquals(expected, b);
    }

    @Test
    void keysRunInParallel() throws InterruptedException {
        CountDownLatch bRan = new CountDownLatch(1);
        CompletableFuture<Void> a = executor.submit("a", () -> {
            try {
                if (!bRan.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("key b did not run while key a was busy");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        executor.submit("b", bRan::countDown);
        assertTrue(bRan.await(10, TimeUnit.SECONDS), "a task on another key runs while one key is busy");
        a.orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(List.of(), uncaught);
    }

    @Test
    void theKeyMapDrainsWhenTasksComplete() {
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        futures.add(executor.submit("a", () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        for (int i = 0; i < 10; i++) {
            futures.add(executor.submit("a", () -> { }));
            futures.add(executor.submit("key-" + i, () -> { }));
        }
        assertTrue(executor.activeKeys() >= 1, "key a is busy");
        release.countDown();
        waitFor(futures);
        assertEquals(0, executor.activeKeys());
    }

    @Test
    void aFailingTaskDoesNotBlockTheNextOnItsKey() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> failing = executor.submit("a", () -> {
            ran.add("first");
            throw new IllegalStateException("task failed");
        });
        CompletableFuture<Void> next = executor.submit("a", () -> ran.add("second"));
        waitFor(List.of(failing, next));
        assertFalse(failing.isCompletedExceptionally(), "the chain's future completes normally");
        assertEquals(List.of("first", "second"), ran);
        assertEquals(0, executor.activeKeys());
    }
}
