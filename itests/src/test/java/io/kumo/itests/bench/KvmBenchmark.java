package io.kumo.itests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.kumo.itests.KumoNode;
import io.kumo.itests.Rest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * VM creation over REST on one real KVM host (docs/benchmarks.md, "KVM on one TCG host"): a node with an image store on
 * a temporary directory, local primary storage (hostAccess=local) under the lab's shared directory, a KVM cluster with
 * one lab host (libvirtd, qemu TCG), an L2NoVlanNetwork on eth0 (bridge br_eth0 in the lab host), and a boot-sector
 * qcow2 image served by an HTTP server of the benchmark. It times create call → qemu process of the VM running for one
 * VM (5 times; the first fills the image cache) and for 20 concurrent creates, with the job's steps as seen by polling
 * its location every 5 ms. Needs {@code bench.kvm.uri} and {@code bench.kvm.shared}: {@code ./kumo bench kvm} starts a
 * lab and passes them. Writes target/kvm-benchmark.md. It measures; it asserts nothing beyond the setup working.
 */
@Tag("benchmark")
class KvmBenchmark {
    private static final String URI_ = System.getProperty("bench.kvm.uri", "");
    private static final String SHARED = System.getProperty("bench.kvm.shared", "");
    private static final int SINGLE = Integer.getInteger("bench.kvm.single", 5);
    private static final int CONCURRENT = Integer.getInteger("bench.vms", 20);
    private static final long MIB = 1L << 20;

    private Rest rest;
    private KumoNode node;
    /** When each watched VM's qemu process was first seen (nanoTime), by VM uuid. */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(!URI_.isEmpty() && !SHARED.isEmpty(),
                "KvmBenchmark needs -Dbench.kvm.uri and -Dbench.kvm.shared (./kumo bench kvm starts a lab for it)");
        Path dir = Files.createTempDirectory("kvm-bench");
        Path psDir = Path.of(SHARED, "ps-" + UUID.randomUUID().toString().substring(0, 8));
        Path image = dir.resolve("served/boot.qcow2");
        Files.createDirectories(image.getParent());
        Path raw = dir.resolve("boot.raw");
        Files.write(raw, Arrays.copyOf(bootSector(), (int) MIB));
        run("qemu-img", "convert", "-q", "-f", "raw", "-O", "qcow2", raw.toString(), image.toString());
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/boot.qcow2", ex -> {
            byte[] data = Files.readAllBytes(image);
            ex.sendResponseHeaders(200, data.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(data);
            }
        });
        http.start();
        Thread watcher = new Thread(this::watch, "qemu-watcher");
        watcher.setDaemon(true);
        watcher.start();
        StringBuilder md = new StringBuilder();
        try (KumoNode started = KumoNode.install("kvm-bench").start()) {
            node = started;
            rest = node.rest().login();
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline && (rest.get("/vm-instances").status() == 404
                    || rest.get("/primary-storage").status() == 404)) {
                Thread.sleep(250);
            }
            String hostIp = URI.create(URI_.replace("qemu+tcp", "http")).getHost();
            String zone = rest.createZone("bench", List.of()).path("uuid").asText();
            String bs = created("/backup-storage/image-store", Map.of("name", "store", "url", dir.resolve("bs").toString(),
                    "hostname", "127.0.0.1", "username", "root", "password", "unused"));
            created("/zones/" + zone + "/backup-storage/" + bs, Map.of());
            String img = created("/images", Map.of("name", "boot", "url", "http://127.0.0.1:" + http.getAddress().getPort()
                    + "/boot.qcow2", "format", "qcow2", "mediaType", "RootVolumeTemplate", "platform", "Linux",
                    "backupStorageUuids", List.of(bs)));
            String ps = created("/primary-storage/local-storage", Map.of("name", "local", "url", psDir.toString(),
                    "zoneUuid", zone, "hostAccess", "local"));
            String cluster = created("/clusters", Map.of("zoneUuid", zone, "name", "kvm", "hypervisorType", "KVM"));
            created("/clusters/" + cluster + "/primary-storage/" + ps, Map.of());
            created("/hosts/kvm", Map.of("name", "lab-1", "managementIp", hostIp, "clusterUuid", cluster,
                    "username", "root", "password", "unused", "libvirtUri", URI_));
            String l2 = created("/l2-networks/no-vlan", Map.of("name", "l2", "zoneUuid", zone, "physicalInterface", "eth0"));
            created("/l2-networks/" + l2 + "/clusters/" + cluster, Map.of());
            String l3 = created("/l3-networks", Map.of("name", "l3", "l2NetworkUuid", l2, "category", "Private"));
            created("/l3-networks/" + l3 + "/ip-ranges", Map.of("name", "r", "startIp", "10.120.0.10", "endIp",
                    "10.120.0.250", "netmask", "255.255.255.0", "gateway", "10.120.0.1"));
            String offering = created("/instance-offerings", Map.of("name", "tiny", "cpuNum", 1, "memorySize", 64 * MIB));
            // 20 vCPUs on a 2-core host exceed the default ratio of 10
            Rest.Reply ratio = rest.awaitJob(rest.put("/global-configurations/host/cpu.overProvisioning.ratio/actions",
                    "updateGlobalConfig", Map.of("value", "40")));
            if (ratio.status() != 200) {
                throw new AssertionError("cpu.overProvisioning.ratio: " + ratio.raw());
            }
            Map<String, Object> vm = new LinkedHashMap<>(Map.of("instanceOfferingUuid", offering, "imageUuid", img,
                    "l3NetworkUuids", List.of(l3)));

            md.append("# KVM benchmark (end to end over REST)\n\nOne lab host `").append(URI_).append("` (qemu TCG), ")
                    .append("local primary storage, image store, 1 vCPU / 64 MiB VMs booting a 512-byte boot sector. ")
                    .append("*qemu running* = create call sent → the VM's qemu process seen in /proc (scanned every 5 ms); ")
                    .append("*job done* = the job answered 200. Step times are when the job's currentStep changed, polled ")
                    .append("every 5 ms. Times in ms.\n\n## One VM at a time\n\n")
                    .append("| # | qemu running | job done | steps |\n|---|---|---|---|\n");
            List<String> singles = new ArrayList<>();
            for (int i = 1; i <= SINGLE; i++) {
                Timing t = createOne(vm, "single-" + i, true);
                md.append("| ").append(i).append(i == 1 ? " (fills the image cache)" : "").append(" | ")
                        .append(f(t.qemuMs)).append(" | ").append(f(t.doneMs)).append(" | ").append(t.steps).append(" |\n");
                singles.add(t.vmUuid);
            }
            for (String u : singles) {  // untimed: the concurrent run starts on an empty host
                rest.awaitJob(rest.delete("/vm-instances/" + u));
            }

            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
            long began = System.nanoTime();
            List<Future<Timing>> fs = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                int k = i;
                fs.add(pool.submit(() -> createOne(vm, "par-" + k, false)));
            }
            List<Timing> par = new ArrayList<>();
            for (Future<Timing> f : fs) {
                par.add(f.get(10, TimeUnit.MINUTES));
            }
            pool.shutdown();
            double allRunning = par.stream().mapToLong(t -> t.seenAt).max().orElseThrow() - began;
            double allDone = par.stream().mapToLong(t -> t.doneAt).max().orElseThrow() - began;
            double[] q = par.stream().mapToDouble(t -> t.qemuMs).sorted().toArray();
            double[] d = par.stream().mapToDouble(t -> t.doneMs).sorted().toArray();
            md.append("\n## ").append(CONCURRENT).append(" concurrent creates\n\n| figure | ms |\n|---|---|\n")
                    .append("| all ").append(CONCURRENT).append(" qemu processes running | ").append(f(allRunning / 1e6)).append(" |\n")
                    .append("| all ").append(CONCURRENT).append(" jobs done | ").append(f(allDone / 1e6)).append(" |\n")
                    .append("| per VM, qemu running p50 / p95 / max | ").append(f(pct(q, 50))).append(" / ")
                    .append(f(pct(q, 95))).append(" / ").append(f(q[q.length - 1])).append(" |\n")
                    .append("| per VM, job done p50 / p95 / max | ").append(f(pct(d, 50))).append(" / ")
                    .append(f(pct(d, 95))).append(" / ").append(f(d[d.length - 1])).append(" |\n");
            Map<String, double[]> stepTimes = new LinkedHashMap<>();
            for (Timing t : par) {
                t.stepMs.forEach((k, v) -> stepTimes.merge(k, new double[]{v}, (a, b) -> {
                    double[] c = Arrays.copyOf(a, a.length + 1);
                    c[a.length] = b[0];
                    return c;
                }));
            }
            md.append("\nSteps under load, p50 of the time each was current (polling sees only some steps of some jobs):\n\n")
                    .append("| step | seen in jobs | p50 ms |\n|---|---|---|\n");
            stepTimes.forEach((k, v) -> {
                Arrays.sort(v);
                md.append("| ").append(k).append(" | ").append(v.length).append(" | ").append(f(pct(v, 50))).append(" |\n");
            });
        } finally {
            http.stop(0);
            watcher.interrupt();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path out = Path.of("target/kvm-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    /** The figures of one create. */
    static final class Timing {
        String vmUuid;
        double qemuMs;
        double doneMs;
        long seenAt;
        long doneAt;
        String steps = "";
        Map<String, Double> stepMs = new LinkedHashMap<>();
    }

    /** Creates a VM with a uuid of ours, following its job every 5 ms until done and its qemu is seen. */
    private Timing createOne(Map<String, Object> vm, String name, boolean describe) throws Exception {
        Timing t = new Timing();
        t.vmUuid = UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> p = new LinkedHashMap<>(vm);
        p.put("name", name);
        p.put("resourceUuid", t.vmUuid);
        watched.add(t.vmUuid);
        long t0 = System.nanoTime();
        Rest.Reply r = rest.post("/vm-instances", p, List.of(), List.of());
        if (r.status() != 202) {
            throw new AssertionError("create " + name + ": " + r.raw());
        }
        String location = r.body().path("location").asText();
        String step = "accepted";
        long stepAt = System.nanoTime();
        List<String> order = new ArrayList<>();
        Rest.Reply j;
        while (true) {
            j = rest.send("GET", location, null);
            long now = System.nanoTime();
            String current = j.status() == 202 ? j.body().path("currentStep").asText("waiting") : "done";
            if (!current.equals(step)) {
                double ms = (now - stepAt) / 1e6;
                t.stepMs.put(step, ms);
                order.add(step + " " + f(ms));
                step = current;
                stepAt = now;
            }
            if (j.status() != 202) {
                break;
            }
            Thread.sleep(5);
        }
        t.doneAt = System.nanoTime();
        if (j.status() != 200 || !"Running".equals(j.body().path("inventory").path("state").asText())) {
            throw new AssertionError("create " + name + ": " + j.raw());
        }
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen.containsKey(t.vmUuid)) {
            if (System.nanoTime() > limit) {
                throw new AssertionError("no qemu process for VM " + t.vmUuid + " 60 s after its job ended");
            }
            Thread.sleep(5);
        }
        t.seenAt = seen.get(t.vmUuid);
        t.qemuMs = (t.seenAt - t0) / 1e6;
        t.doneMs = (t.doneAt - t0) / 1e6;
        if (describe) {
            t.steps = String.join(", ", order);
        }
        return t;
    }

    /** Scans /proc every 5 ms for the qemu processes of the watched VMs (libvirt names a domain by the VM uuid). */
    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            if (!watched.isEmpty()) {
                ProcessHandle.allProcesses().forEach(ph -> ph.info().commandLine().ifPresent(c -> {
                    if (c.contains("qemu-system")) {
                        int at = c.indexOf("guest=");
                        if (at >= 0) {
                            String name = c.substring(at + 6, Math.min(c.length(), at + 6 + 32));
                            if (watched.remove(name)) {
                                seen.put(name, System.nanoTime());
                            }
                        }
                    }
                }));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String created(String path, Map<String, ?> params) throws Exception {
        Rest.Reply r = rest.awaitJob(rest.post(path, params, List.of(), List.of()));
        for (int i = 0; i < 480 && (r.status() == 404 || r.status() == 405) && !path.contains("/zones/"); i++) {
            Thread.sleep(250);
            r = rest.awaitJob(rest.post(path, params, List.of(), List.of()));
        }
        if (r.status() != 200) {
            throw new AssertionError(path + ": " + r.raw() + "\nnode log:\n" + node.logTail());
        }
        return r.body().path("inventory").path("uuid").asText();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + ": " + out);
        }
    }

    private static double pct(double[] sorted, int pct) {
        int rank = (int) Math.ceil(pct / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** A boot sector that prints on the serial port and halts. */
    private static byte[] bootSector() {
        byte[] code = {0x31, (byte) 0xC0, (byte) 0x8E, (byte) 0xD8, (byte) 0xBA, (byte) 0xF8, 0x03, (byte) 0xBE, 0x15, 0x7C,
            (byte) 0xAC, (byte) 0x84, (byte) 0xC0, 0x74, 0x03, (byte) 0xEE, (byte) 0xEB, (byte) 0xF8, (byte) 0xF4,
            (byte) 0xEB, (byte) 0xFD};
        byte[] sector = Arrays.copyOf(code, 512);
        byte[] msg = "KUMO BOOT OK\r\n\0".getBytes();
        System.arraycopy(msg, 0, sector, code.length, msg.length);
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }
}
