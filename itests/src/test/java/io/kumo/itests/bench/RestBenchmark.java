package io.kumo.itests.bench;

import io.kumo.itests.KumoNode;
import io.kumo.itests.Rest;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST benchmark of docs/benchmarks.md: cold start to API-ready on an empty database, authenticated reads
 * (query zones) and writes (create then delete a zone, each followed to the end of its job) with concurrent clients.
 * Run with {@code ./kumo bench}; it writes its figures to itests/target/benchmark.md. It measures; it asserts nothing.
 */
@Tag("benchmark")
class RestBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(RestBenchmark.class);
    private static final int READ_CLIENTS = Integer.getInteger("bench.readClients", 16);
    private static final int WRITE_CLIENTS = Integer.getInteger("bench.writeClients", 16);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 30));
    private static final Duration MAX_WARMUP = Duration.ofSeconds(Long.getLong("bench.maxWarmupSeconds", 240));
    private static final Duration WARMUP_ROUND = Duration.ofSeconds(10);
    /** A path is warm when its last {@link #SETTLED_ROUNDS} warm-up rounds differ in throughput by at most this fraction. */
    private static final double SETTLED = 0.05;
    private static final int SETTLED_ROUNDS = 3;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final String READ_PATH = "/zones?limit=20&q=name~=bench-1%25";
    private static final String TENANT_READ_PATH = "/instance-offerings?limit=20";
    private static final Pattern LOCATION = Pattern.compile("\"location\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UUID = Pattern.compile("\"uuid\"\\s*:\\s*\"([0-9a-f]{32})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        StringBuilder warmups = new StringBuilder();
        try (KumoNode node = KumoNode.install("bench")) {
            long t0 = System.nanoTime();
            node.start();
            double coldStart = (System.nanoTime() - t0) / 1e9;
            report.append(String.format(Locale.ROOT, "| cold start to API-ready (first 401 from GET /management-nodes), empty H2"
                    + " database | %.1f s |%n", node.apiReady().toNanos() / 1e9));
            report.append(String.format(Locale.ROOT, "| cold start until every Kumo bundle is Active (checked over the shell) | %.1f s |%n",
                    coldStart));

            Rest rest = node.rest().login();
            for (int i = 0; i < 100; i++) {
                rest.createZone("bench-" + i, List.of());
            }
            String base = rest.base();
            String auth = "OAuth " + rest.session();

            Callable<Integer> read = () -> {
                HttpResponse<String> r = http.send(get(base + READ_PATH, auth), HttpResponse.BodyHandlers.ofString());
                expect(r, 200);
                return 1;
            };
            Callable<Integer> write = () -> {
                HttpResponse<String> created = follow(http.send(HttpRequest.newBuilder(URI.create(base + "/zones"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{\"name\":\"w\"}}")).build(),
                        HttpResponse.BodyHandlers.ofString()), auth);
                expect(created, 200);
                Matcher m = UUID.matcher(created.body());
                if (!m.find()) {
                    throw new IllegalStateException("no uuid in " + created.body());
                }
                HttpResponse<String> deleted = follow(http.send(HttpRequest.newBuilder(URI.create(base + "/zones/" + m.group(1)))
                        .header("Authorization", auth).DELETE().build(), HttpResponse.BodyHandlers.ofString()), auth);
                expect(deleted, 200);
                return 2;
            };
            // warm the JIT on each path until its throughput settles: on 2 cores C2 compilation takes minutes
            warmups.append(warmUp("writes", () -> run(WRITE_CLIENTS, write, WARMUP_ROUND).perSecond()));
            warmups.append(warmUp("admin reads", readRound(base + READ_PATH, auth, read)));

            if (Wrk.available()) {
                report.append(Wrk.run(base + READ_PATH, auth, READ_CLIENTS, RUN).row(
                        "authenticated reads: GET " + READ_PATH.replace("%25", "%") + " (11 rows), wrk", READ_CLIENTS));
            } else {
                report.append(run(READ_CLIENTS, read, RUN).row("authenticated reads: GET " + READ_PATH.replace("%25", "%")
                        + " (11 rows), Java clients (install wrk for a lighter load generator)", READ_CLIENTS, "reads"));
            }
            report.append(run(WRITE_CLIENTS, write, RUN).row("writes: create + delete a zone, each polled to completion",
                    WRITE_CLIENTS, "writes"));

            // the same kind of read by a user of a normal account: session, policies of the user and its group,
            // and the query narrowed to the offerings shared with its account (20 of 100)
            String userAuth = "OAuth " + tenantUserSession(rest);
            Callable<Integer> tenantRead = () -> {
                HttpResponse<String> r = http.send(get(base + TENANT_READ_PATH, userAuth), HttpResponse.BodyHandlers.ofString());
                expect(r, 200);
                return 1;
            };
            warmups.append(warmUp("tenant reads", readRound(base + TENANT_READ_PATH, userAuth, tenantRead)));
            if (Wrk.available()) {
                report.append(Wrk.run(base + TENANT_READ_PATH, userAuth, READ_CLIENTS, RUN).row(
                        "reads by a user of a normal account (policies + ownership): GET " + TENANT_READ_PATH + " (20 rows), wrk", READ_CLIENTS));
            } else {
                report.append(run(READ_CLIENTS, tenantRead, RUN).row("reads by a user of a normal account (policies + ownership): GET "
                        + TENANT_READ_PATH + " (20 rows), Java clients", READ_CLIENTS, "reads"));
            }
        }
        String table = "| measurement | figure |\n|---|---|\n" + report + "\nWarm-up, until the throughputs of the last "
                + SETTLED_ROUNDS + " rounds of " + WARMUP_ROUND.toSeconds() + " s are within " + Math.round(SETTLED * 100) + " % of each other (at least "
                + WARMUP.toSeconds() + " s, at most " + MAX_WARMUP.toSeconds() + " s):\n\n" + warmups;
        LOG.info("\n{}", table);
        Path out = Path.of("target/benchmark.md");
        Files.writeString(out, table);
        LOG.info("written to {}", out.toAbsolutePath());
    }

    /** A normal account sharing 20 of 100 offerings, a user in a group, each with a policy; returns the user's session. */
    private static String tenantUserSession(Rest admin) throws Exception {
        List<String> shared = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Rest.Reply o = admin.awaitJob(admin.post("/instance-offerings", Map.of("name", "bench-o" + i, "cpuNum", 1,
                    "memorySize", 1073741824L), List.of(), List.of()));
            if (i % 5 == 0) {
                shared.add(o.body().path("inventory").path("uuid").asText());
            }
        }
        String account = admin.post("/accounts", Map.of("name", "bench-tenant", "password", Rest.sha512("pw")), List.of(), List.of())
                .body().path("inventory").path("uuid").asText();
        admin.put("/accounts/resources/actions", "shareResource", Map.of("resourceUuids", shared, "accountUuids", List.of(account)));
        Rest tenant = new Rest(admin.base()).login("bench-tenant", "pw");
        String user = tenant.post("/accounts/users", Map.of("name", "u", "password", Rest.sha512("pw")), List.of(), List.of())
                .body().path("inventory").path("uuid").asText();
        String group = tenant.post("/accounts/groups", Map.of("name", "g"), List.of(), List.of()).body().path("inventory").path("uuid").asText();
        tenant.post("/accounts/groups/" + group + "/users", Map.of("userUuid", user), List.of(), List.of());
        for (String principal : List.of("/accounts/users/" + user, "/accounts/groups/" + group)) {
            String policy = tenant.post("/accounts/policies", Map.of("name", "p", "statements",
                    List.of(Map.of("effect", "Allow", "actions", List.of("vmInstance:*")))), List.of(), List.of())
                    .body().path("inventory").path("uuid").asText();
            tenant.post(principal + "/policies", Map.of("policyUuid", policy), List.of(), List.of());
        }
        return new Rest(admin.base()).put("/accounts/users/login", "logInByUser", Map.of("accountName", "bench-tenant",
                "userName", "u", "password", Rest.sha512("pw"))).body().path("inventory").path("uuid").asText();
    }

    /** One warm-up round of a read path: wrk when installed (it leaves the node's CPU to the node), else Java clients. */
    private static Callable<Double> readRound(String url, String auth, Callable<Integer> read) {
        return () -> Wrk.available() ? Wrk.run(url, auth, READ_CLIENTS, WARMUP_ROUND).requestsPerSecond()
                : run(READ_CLIENTS, read, WARMUP_ROUND).perSecond();
    }

    /**
     * Runs warm-up rounds until the last {@link #SETTLED_ROUNDS} differ in throughput by at most {@link #SETTLED}, after at least
     * {@link #WARMUP} and at most {@link #MAX_WARMUP}. A fixed warm-up measured the JIT compiler rather than the node
     * once the node grew: the compiler still held one of the two cores after 30 s.
     *
     * @return a line for the report: how long the path took to settle and its last rounds' throughput
     */
    private static String warmUp(String what, Callable<Double> round) throws Exception {
        long start = System.nanoTime();
        List<Long> rates = new ArrayList<>();
        while (true) {
            double rate = round.call();
            rates.add(Math.round(rate));
            Duration spent = Duration.ofNanos(System.nanoTime() - start);
            List<Long> last = rates.subList(Math.max(0, rates.size() - SETTLED_ROUNDS), rates.size());
            boolean settled = last.size() == SETTLED_ROUNDS
                    && Collections.max(last) <= (1 + SETTLED) * Collections.min(last);
            if (settled && spent.compareTo(WARMUP) >= 0 || spent.compareTo(MAX_WARMUP) >= 0) {
                String line = String.format(Locale.ROOT, "- %s: %d s%s; per-second rates of the rounds: %s%n", what,
                        spent.toSeconds(), settled ? "" : " (not settled)", rates);
                LOG.info("warm-up {}", line.trim());
                return line;
            }
        }
    }

    private HttpResponse<String> follow(HttpResponse<String> accepted, String auth) throws Exception {
        if (accepted.statusCode() != 202) {
            return accepted;
        }
        Matcher m = LOCATION.matcher(accepted.body());
        if (!m.find()) {
            throw new IllegalStateException("202 without location: " + accepted.body());
        }
        HttpRequest poll = get(m.group(1), auth);
        while (true) {
            HttpResponse<String> r = http.send(poll, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                return r;
            }
            Thread.sleep(1);
        }
    }

    private static HttpRequest get(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build();
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + ": " + r.body());
        }
    }

    /** Throughput and latency of one loop body run by several clients, after a warm-up. */
    private record Result(long operations, double seconds, long[] latenciesNanos) {
        double perSecond() { return operations / seconds; }

        String row(String what, int clients, String unit) {
            Arrays.sort(latenciesNanos);
            return String.format(Locale.ROOT, "| %s, %d clients | %.0f %s/s; latency per loop p50 %.1f ms, p99 %.1f ms |%n", what, clients,
                    operations / seconds, unit, pct(0.50), pct(0.99));
        }

        private double pct(double p) {
            return latenciesNanos.length == 0 ? 0 : latenciesNanos[(int) Math.min(latenciesNanos.length - 1, p * latenciesNanos.length)] / 1e6;
        }
    }

    private static Result run(int clients, Callable<Integer> loop, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<long[]> perClient = timed(pool, clients, loop, length);
            double seconds = (System.nanoTime() - start) / 1e9;
            long ops = 0;
            int n = 0;
            for (long[] c : perClient) {
                ops += c[0];
                n += (int) c[1];
            }
            long[] all = new long[n];
            int i = 0;
            for (long[] c : perClient) {
                System.arraycopy(c, 2, all, i, (int) c[1]);
                i += (int) c[1];
            }
            return new Result(ops, seconds, all);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return per client: [operations, samples, latency...] */
    private static List<long[]> timed(ExecutorService pool, int clients, Callable<Integer> loop, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] samples = new long[1 << 20];
                long ops = 0;
                int n = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    ops += loop.call();
                    if (n < samples.length - 2) {
                        samples[2 + n++] = System.nanoTime() - t;
                    }
                }
                samples[0] = ops;
                samples[1] = n;
                return samples;
            }));
        }
        List<long[]> results = new ArrayList<>();
        for (Future<long[]> f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
