package io.kumo.compute.placement;

import io.kumo.api.host.HostInventory;
import io.kumo.api.offering.HostAllocatorStrategy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The placement decision benchmark of docs/benchmarks.md: the real {@link Placement} and {@link HostIndex} over
 * 10,000 hosts in 100 clusters (in-memory services), one decision = filters + strategy + atomic reservation, per
 * strategy, after a JIT warm-up. Run by {@code ./kumo bench compute}; writes target/placement-benchmark.md. It measures;
 * it asserts nothing.
 */
@Tag("benchmark")
class PlacementBenchmark {
    private static final long GB = 1L << 30;
    private static final int HOSTS = Integer.getInteger("bench.hosts", 10_000);

    @Test
    void measure() throws Exception {
        FakeHostService hosts = new FakeHostService();
        FakeNetworkService networks = new FakeNetworkService();
        FakePrimaryStorageService storage = new FakePrimaryStorageService();
        List<String> clusters = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            clusters.add("c" + c);
        }
        for (int i = 0; i < HOSTS; i++) {
            hosts.add("h" + i, "z1", "c" + (i % 100), 64, 256 * GB);
        }
        networks.add("l3", "z1", Set.copyOf(clusters));
        storage.add("ps", "z1", 1_000_000 * GB, clusters);
        Map<String, Long> vmCounts = new ConcurrentHashMap<>();
        HostIndex index = new HostIndex(hosts, 0);
        index.reload();
        Placement placement = new Placement(index, hosts, networks, storage, new FakeTagService(),
                PlacementTest.enabledClusters(), PlacementTest.enabledZones(), new HostOrdering(() -> vmCounts));

        StringBuilder table = new StringBuilder("| strategy (" + HOSTS + " hosts, 100 clusters) | decision p50 | p99 | max |\n|---|---|---|---|\n");
        for (String strategy : List.of(HostAllocatorStrategy.DEFAULT, HostAllocatorStrategy.MINIMUM_CPU_USAGE,
                HostAllocatorStrategy.MINIMUM_MEMORY_USAGE, HostAllocatorStrategy.LEAST_VM_PREFERRED)) {
            PlacementRequest vm = PlacementRequest.of(1, GB).reaching(List.of("l3"), 10 * GB, null).ordered(strategy, null);
            long[] nanos = new long[5_000];
            for (int i = -2_000; i < nanos.length; i++) {  // the first 2,000 warm the JIT
                long t0 = System.nanoTime();
                HostInventory h = placement.allocate(vm);
                long took = System.nanoTime() - t0;
                placement.release(h.uuid(), 1, GB);
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
            Arrays.sort(nanos);
            table.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms |%n", strategy,
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6));
        }
        System.out.println(table);
        Files.writeString(Path.of("target/placement-benchmark.md"), table);
    }
}
