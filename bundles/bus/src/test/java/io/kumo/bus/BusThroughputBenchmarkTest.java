package io.kumo.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request/reply throughput through the embedded broker, in-VM. Excluded from the normal build; run it with
 * {@code mvn -B test -f bundles/bus/pom.xml -Dbus.excludedGroups=none -Dgroups=benchmark}.
 */
@Tag("benchmark")
class BusThroughputBenchmarkTest {
    private static final Map<String, String> HEADERS = Map.of("api", "QueryZone");
    private static final String BODY = "{\"uuid\":\"6a8a1c2e4b5d4f0e9c7b3a2d1e0f9a8b\",\"name\":\"zone-1\"}";

    @TempDir
    Path dataDir;

    @Test
    void requestReplyThroughput() throws Exception {
        try (BusFixture fixture = new BusFixture(dataDir)) {
            ArtemisMessageBus bus = fixture.inVmBus();
            bus.serve("kumo.bench.echo", request -> request.body());

            run(bus, 5_000, 128);
            double sequential = run(bus, 5_000, 1);
            double concurrent = run(bus, 50_000, 256);

            System.out.printf("kumo-bus request/reply in-VM, %d cores: %.0f ops/s with 256 in flight, "
                    + "%.0f ops/s one at a time (%.0f us round trip)%n",
                    Runtime.getRuntime().availableProcessors(), concurrent, sequential, 1_000_000 / sequential);
        }
    }

    private static double run(ArtemisMessageBus bus, int requests, int inFlight) throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(requests);
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            window.acquire();
            bus.request("kumo.bench.echo", BODY, HEADERS, Duration.ofSeconds(30)).whenComplete((reply, error) -> {
                if (error != null || !BODY.equals(reply.body())) {
                    failures.incrementAndGet();
                }
                window.release();
                done.countDown();
            });
        }
        done.await(5, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;
        assertEquals(0, failures.get());
        return requests * 1e9 / elapsed;
    }
}
