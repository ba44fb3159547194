package io.kumo.itests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.itests.KumoNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scale benchmark of docs/benchmarks.md (issue 3): one management node with the simulator, 10,000 simulated hosts,
 * 10,000 VMs created over REST by 50 concurrent clients, then grown to 25,000 VMs for the query figures; CPU used by
 * pinging the hosts and resident memory are read from /proc. {@code ./kumo bench compute} runs it on H2;
 * {@code -Dbench.db=mariadb} (with KUMO_TEST_MARIADB_URL set, as ./kumo test does) runs it on MariaDB. Sizes are
 * system properties (bench.hosts, bench.vms, bench.totalVms, bench.clients). It measures; it asserts nothing.
 */
@Tag("scale")
class ComputeBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeBenchmark.class);
    private static final int HOSTS = Integer.getInteger("bench.hosts", 10_000);
    private static final int VMS = Integer.getInteger("bench.vms", 10_000);
    private static final int TOTAL_VMS = Integer.getInteger("bench.totalVms", 25_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    private static final int CLUSTERS = Math.max(1, HOSTS / 1000);
    private static final String DB = System.getProperty("bench.db", "h2");
    private static final long GIB = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16)).build();
    private String base;
    private String auth;
    private volatile long maxPollMs = 100;

    @Test
    void measure() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (KumoNode node = KumoNode.install("scale")) {
            if ("mariadb".equals(DB)) {
                useMariaDb(node);
            }
            node.start();
            base = node.rest().base();
            auth = "OAuth " + node.rest().login().session();
            double idleCpu = cpuPercent(node.pid(), Duration.ofSeconds(60));

            // the data centre: one zone, clusters of 1,000 hosts, one storage and one /16 network reaching them all
            String zone = create("/zones", Map.of("name", "scale"));
            String ps = create("/primary-storage/simulators", Map.of("name", "ps", "zoneUuid", zone, "url", "sim://ps",
                    "totalCapacity", 1L << 50, "availableCapacity", 1L << 50));
            String bs = create("/backup-storage/simulators", Map.of("name", "bs", "url", "sim://bs",
                    "totalCapacity", 1L << 44, "availableCapacity", 1L << 44));
            call("POST", "/zones/" + zone + "/backup-storage/" + bs, Map.of());
            String l2 = create("/l2-networks/no-vlan", Map.of("name", "l2", "zoneUuid", zone, "physicalInterface", "eth0"));
            String l3 = create("/l3-networks", Map.of("name", "l3", "l2NetworkUuid", l2));
            call("POST", "/l3-networks/" + l3 + "/ip-ranges/by-cidr", Map.of("name", "r", "networkCidr", "10.0.0.0/16"));
            String image = create("/images", Map.of("name", "img", "url", "http://images.example/img.qcow2?size=" + GIB,
                    "format", "qcow2", "mediaType", "RootVolumeTemplate", "platform", "Linux", "backupStorageUuids", List.of(bs)));
            String offering = create("/instance-offerings", Map.of("name", "small", "cpuNum", 1, "memorySize", 512L << 20));
            List<String> clusters = new ArrayList<>();
            for (int c = 0; c < CLUSTERS; c++) {
                String cluster = create("/clusters", Map.of("name", "c" + c, "zoneUuid", zone, "hypervisorType", "Simulator"));
                call("POST", "/clusters/" + cluster + "/primary-storage/" + ps, Map.of());
                call("POST", "/l2-networks/" + l2 + "/clusters/" + cluster, Map.of());
                clusters.add(cluster);
            }

            AtomicInteger hostNo = new AtomicInteger();
            Result hosts = parallel(HOSTS, CLIENTS, () -> {
                int i = hostNo.getAndIncrement();
                create("/hosts/simulators", Map.of("name", "h" + i, "managementIp", "10.1." + (i / 250) + "." + (i % 250 + 1),
                        "clusterUuid", clusters.get(i % clusters.size()), "cpuCapacity", 8, "memoryCapacity", 16 * GIB));
            });
            rows.put(String.format(Locale.ROOT, "add %,d simulated hosts, %d clients", HOSTS, CLIENTS), hosts.summary("hosts"));

            Thread.sleep(60_000);  // let the adds' garbage collection and compilation settle
            // five ping rounds, and the periodic re-read of every host (every five minutes) once
            double pingCpu = cpuPercent(node.pid(), Duration.ofSeconds(300));
            rows.put("CPU of the idle node before any host (60 s)", String.format(Locale.ROOT, "%.1f %% of one core", idleCpu));
            rows.put(String.format(Locale.ROOT, "CPU of the idle node pinging %,d hosts every 60 s (300 s, after 60 s of settling)", HOSTS),
                    String.format(Locale.ROOT, "%.1f %% of one core", pingCpu));

            Map<String, Object> vm = Map.of("name", "vm", "instanceOfferingUuid", offering, "imageUuid", image,
                    "l3NetworkUuids", List.of(l3));
            maxPollMs = 5;  // one client: poll every 5 ms, so that the figure is the create's, not the polling's
            Result single = parallel(20, 1, () -> create("/vm-instances", vm));
            maxPollMs = 100;
            rows.put("one VM create on an idle system (create to Running, 20 in a row, polled every 5 ms)", single.latency());

            Result vms = parallel(VMS - 20, CLIENTS, () -> create("/vm-instances", vm));
            rows.put(String.format(Locale.ROOT, "create VMs up to %,d over REST, %d clients", VMS, CLIENTS), vms.summary("VMs"));

            if (TOTAL_VMS > VMS) {
                Result more = parallel(TOTAL_VMS - VMS, CLIENTS, () -> create("/vm-instances", vm));
                rows.put(String.format(Locale.ROOT, "grow to %,d VMs, %d clients", TOTAL_VMS, CLIENTS), more.summary("VMs"));
            }
            int total = TOTAL_VMS;
            Call randomPage = () -> get("/vm-instances?limit=100&start=" + ThreadLocalRandom.current().nextInt(total - 100));
            parallel(300, 4, randomPage);  // warm-up
            Result page = parallel(1000, 1, randomPage);
            rows.put(String.format(Locale.ROOT, "query a 100-VM page of %,d (random offset), one client", total), page.latency());
            Result pages = parallel(1000, 4, randomPage);
            rows.put(String.format(Locale.ROOT, "the same, 4 clients at once (%.0f pages/s)", pages.done() / pages.seconds()),
                    pages.latency());
            // the body (41 MB at 25,000 VMs) is read and dropped: decoding it here would take the node's second core
            parallel(2, 1, () -> get("/vm-instances?limit=100000", HttpResponse.BodyHandlers.discarding()));  // warm-up
            Result full = parallel(10, 1, () -> get("/vm-instances?limit=100000", HttpResponse.BodyHandlers.discarding()));
            rows.put(String.format(Locale.ROOT, "query the full list of %,d VMs (10 in a row, after 2 to warm up; body read and dropped)",
                    total), full.latency());
            Result byIp = parallel(500, 1, () -> get("/vm-instances?q=vmNics.ip=10.0." + ThreadLocalRandom.current().nextInt(1, 90)
                    + "." + ThreadLocalRandom.current().nextInt(1, 250)));
            rows.put("query VMs by NIC address (join vmNics.ip=), one client", byIp.latency());

            rows.put("resident memory of the node at the end (peak)", memory(node.pid()));
        }
        StringBuilder table = new StringBuilder("| measurement (" + DB + ") | figure |\n|---|---|\n");
        rows.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        LOG.info("\n{}", table);
        Path out = Path.of("target/compute-benchmark-" + DB + ".md");
        Files.writeString(out, table);
        LOG.info("written to {}", out.toAbsolutePath());
    }

    private static void useMariaDb(KumoNode node) throws Exception {
        String server = System.getenv("KUMO_TEST_MARIADB_URL");
        if (server == null) {
            throw new IllegalStateException("bench.db=mariadb needs KUMO_TEST_MARIADB_URL (./kumo test starts MariaDB and sets it)");
        }
        String database = "kumo_bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        String url = server.replaceFirst("/(\\?|$)", "/" + database + "$1").replace("?user=root", "?useMysqlMetadata=true");
        node.env("KUMO_DB_DRIVER", "org.mariadb.jdbc.Driver").env("KUMO_DB_URL", url).env("KUMO_DB_USER", "root").env("KUMO_DB_PASSWORD", "");
    }

    /** Creates a resource and follows its job; @return the new uuid. */
    private String create(String path, Map<String, ?> params) throws Exception {
        JsonNode done = call("POST", path, params);
        String uuid = done.path("inventory").path("uuid").asText(null);
        if (uuid == null) {
            throw new IllegalStateException("no inventory uuid from POST " + path + ": " + done);
        }
        return uuid;
    }

    /** Sends a call and follows its job to the end; @return the final body. */
    private JsonNode call(String method, String path, Map<String, ?> params) throws Exception {
        String body = JSON.writeValueAsString(Map.of("params", params));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 202) {
            String location = JSON.readTree(r.body()).path("location").asText();
            HttpRequest poll = HttpRequest.newBuilder(URI.create(location)).header("Authorization", auth).GET().build();
            long wait = 5;  // as an SDK would: back off from 5 ms to at most maxPollMs between polls
            do {
                Thread.sleep(wait);
                wait = Math.min(maxPollMs, wait * 2);
                r = http.send(poll, HttpResponse.BodyHandlers.ofString());
            } while (r.statusCode() == 202);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private void get(String path) throws Exception {
        get(path, HttpResponse.BodyHandlers.ofString());
    }

    private <T> void get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        HttpResponse<T> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).GET().build(),
                body);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + r.statusCode() + " " + r.body());
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private record Result(int done, int failed, double seconds, long[] latencies, String firstError) {
        String summary(String unit) {
            return String.format(Locale.ROOT, "%,d in %.0f s = %.1f %s/s sustained; latency p50 %.0f ms, p99 %.0f ms%s",
                    done, seconds, done / seconds, unit, pct(0.5), pct(0.99), errors());
        }

        String latency() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d calls)%s", pct(0.5), pct(0.99),
                    pct(1.0), done, errors());
        }

        private String errors() { return failed == 0 ? "" : "; " + failed + " FAILED, first: " + firstError; }

        private double pct(double p) {
            return latencies.length == 0 ? 0 : latencies[(int) Math.min(latencies.length - 1, p * latencies.length)] / 1e6;
        }
    }

    /** Runs a call {@code count} times from {@code clients} threads; @return throughput, latencies and failures. */
    private static Result parallel(int count, int clients, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] latencies = new long[count];
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long t = System.nanoTime();
                        try {
                            call.run();
                        } catch (Exception e) {
                            if (failed.getAndIncrement() == 0) {
                                firstError[0] = e.getMessage();
                                LOG.warn("call failed", e);
                            }
                        }
                        latencies[i] = System.nanoTime() - t;
                        if (i > 0 && i % 1000 == 0) {
                            LOG.info("{} / {} done", i, count);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(count - failed.get(), failed.get(), seconds, latencies, firstError[0]);
    }

    /** @return the CPU the process used over the window, in percent of one core (from /proc, 100 ticks a second) */
    private static double cpuPercent(long pid, Duration window) throws Exception {
        long before = cpuTicks(pid);
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        long ticks = cpuTicks(pid) - before;
        return ticks / 100.0 / ((System.nanoTime() - t0) / 1e9) * 100;
    }

    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);  // utime, stime
    }

    private static String memory(long pid) throws Exception {
        String rss = "?";
        String hwm = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).trim();
            } else if (line.startsWith("VmHWM:")) {
                hwm = line.substring(6).trim();
            }
        }
        return "RSS " + rss + " (peak " + hwm + ")";
    }
}
