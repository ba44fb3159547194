package io.kumo.kvm.host;

import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.kvm.event.EventSinks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Kumo's overhead over raw libvirt when starting VMs on one lab TCG host (docs/benchmarks.md, "KVM on one TCG host"):
 * for N VMs (bench.vms, default 20), first one after the other then all at once, (a) libvirt-java
 * {@code domainDefineXML(xml)} + {@code create()} of a prepared XML and (b) {@link KvmHypervisorBackend#startVm} of the
 * equivalent spec (XML generation, connection lookup, state checks included). A start counts until the call returned,
 * and "running" until the domain reports running and a qemu process with the VM in its command line exists. qcow2
 * overlays of a boot-sector image are made before (untimed); every VM is destroyed and undefined after (untimed).
 * Needs a libvirtd host: {@code ./kumo bench kvm} starts a lab and passes {@code bench.kvm.uri} and
 * {@code bench.kvm.shared}. Writes target/kvm-backend-benchmark.md. It measures; it asserts nothing.
 */
@Tag("benchmark")
class KvmStartBenchmark {
    private static final int VMS = Integer.getInteger("bench.vms", 20);
    private static final String URI = System.getProperty("bench.kvm.uri", "");
    private static final String SHARED = System.getProperty("bench.kvm.shared", "");

    private KvmHypervisorBackend backend;
    private HostConnection host;
    private Connect raw;
    private Path dir;
    private Path base;

    /** One start: when the call returned and when qemu was seen running, in ms since it began. */
    record Sample(double callMs, double runningMs) { }

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(!URI.isEmpty() && !SHARED.isEmpty(),
                "KvmStartBenchmark needs -Dbench.kvm.uri and -Dbench.kvm.shared (./kumo bench kvm starts a lab for it)");
        dir = Files.createDirectories(Path.of(SHARED, "backend-bench-" + UUID.randomUUID().toString().substring(0, 8)));
        base = dir.resolve("boot.raw");
        Files.write(base, BootSector.bytes());
        backend = new KvmHypervisorBackend(new EventSinks(List.of()));
        host = new HostConnection(uuid(), "c", "bench", null, "root", "unused", Map.of(KvmHostSettings.LIBVIRT_URI, URI,
                KvmHostSettings.STOP_TIMEOUT, "3", KvmHostSettings.CONNECT_TIMEOUT, "10"));
        StringBuilder md = new StringBuilder();
        try {
            backend.connect(host);
            raw = new Connect(URI);
            // warm-up (untimed): the first domain of a fresh libvirtd probes qemu, and the JIT is cold
            for (int i = 0; i < 2; i++) {
                runRaw(1, 1);
                runKumo(1, 1);
            }
            // sequential: raw and Kumo alternate VM by VM, so drift in the shared machine's load hits both alike
            List<Sample> rawSeq = new ArrayList<>();
            List<Sample> kumoSeq = new ArrayList<>();
            List<Double> diffs = new ArrayList<>();
            for (int i = 0; i < VMS; i++) {
                Sample r = runRaw(1, 1).get(0);
                Sample k = runKumo(1, 1).get(0);
                rawSeq.add(r);
                kumoSeq.add(k);
                diffs.add(k.callMs() - r.callMs());
            }
            List<Sample> rawPar = runRaw(VMS, VMS);
            double rawParWall = lastWall;
            List<Sample> kumoPar = runKumo(VMS, VMS);
            double kumoParWall = lastWall;
            Map<String, Double> own = ownWork();

            md.append("# KVM start benchmark (backend level)\n\n")
                    .append("Host `").append(URI).append("` (TCG), ").append(VMS).append(" VMs of 1 vCPU and 64 MiB booting a 512-byte ")
                    .append("boot sector from a qcow2 overlay, one NIC on br_eth0. *call* = define+start returned; *running* = ")
                    .append("domain running and its qemu process seen. Times in ms.\n\n")
                    .append("| run | path | call p50 | call p95 | call max | running p50 | running p95 | running max |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            row(md, VMS + " sequential", "raw libvirt", rawSeq);
            row(md, VMS + " sequential", "Kumo startVm", kumoSeq);
            row(md, VMS + " concurrent", "raw libvirt", rawPar);
            row(md, VMS + " concurrent", "Kumo startVm", kumoPar);
            double[] d = diffs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            md.append("\nKumo minus raw, call time of alternating pairs (sequential): median ").append(f(d[d.length / 2]))
                    .append(" ms, min ").append(f(d[0])).append(", max ").append(f(d[d.length - 1]))
                    .append(". Concurrent p50 difference: ").append(f(p(kumoPar, 50, true) - p(rawPar, 50, true)))
                    .append(" ms (noise of a shared 2-core machine dominates).\n")
                    .append("All ").append(VMS).append(" concurrent VMs running after ").append(f(rawParWall))
                    .append(" ms (raw libvirt) and ").append(f(kumoParWall)).append(" ms (Kumo).\n\n")
                    .append("Kumo's own work in startVm, measured alone (mean of 200):\n\n| part | ms |\n|---|---|\n");
            own.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(String.format(Locale.ROOT, "%.3f", v)).append(" |\n"));
        } finally {
            if (raw != null) {
                raw.close();
            }
            backend.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path out = Path.of("target/kvm-backend-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    /** Starts n VMs through raw libvirt, at most `parallel` at once, then removes them. */
    private List<Sample> runRaw(int n, int parallel) throws Exception {
        List<VmSpec> specs = specs(n);
        List<String> xmls = new ArrayList<>();
        for (VmSpec s : specs) {
            xmls.add(io.kumo.kvm.domain.DomainXmlBuilder.domain(s, backend.options(host)));
        }
        List<Sample> samples = run(n, parallel, i -> {
            Domain d = raw.domainDefineXML(xmls.get(i));
            d.create();
            return d;
        }, specs);
        parallel(specs, s -> {
            Domain d = raw.domainLookupByName(s.vmUuid());
            d.destroy();
            d.undefine();
        });
        return samples;
    }

    /** Starts n VMs through the Kumo backend, at most `parallel` at once, then removes them. */
    private List<Sample> runKumo(int n, int parallel) throws Exception {
        List<VmSpec> specs = specs(n);
        List<Sample> samples = run(n, parallel, i -> {
            backend.startVm(host, specs.get(i));
            return raw.domainLookupByName(specs.get(i).vmUuid());
        }, specs);
        parallel(specs, s -> backend.destroyVm(host, s));
        return samples;
    }

    interface Remove {
        void remove(VmSpec s) throws Exception;
    }

    /** Removes the VMs (untimed), a few at once. */
    private static void parallel(List<VmSpec> specs, Remove remove) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, specs.size()));
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (VmSpec s : specs) {
                fs.add(pool.submit(() -> {
                    remove.remove(s);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface Start {
        Domain start(int i) throws Exception;
    }

    /** Wall time of the last {@link #run}, ms. */
    private double lastWall;

    /**
     * What startVm does besides define+create, each timed alone: host settings and domain options, the domain XML,
     * the connection lookup, and the RPC that checks whether the domain already runs.
     */
    private Map<String, Double> ownWork() throws Exception {
        VmSpec spec = specs(1).get(0);
        int n = 200;
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            backend.options(host);
        }
        out.put("host settings and domain options", ms(System.nanoTime() - t0) / n);
        io.kumo.kvm.domain.DomainOptions o = backend.options(host);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            io.kumo.kvm.domain.DomainXmlBuilder.domain(spec, o);
        }
        out.put("domain XML from the spec", ms(System.nanoTime() - t0) / n);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            backend.connections().get(host);
        }
        out.put("connection lookup", ms(System.nanoTime() - t0) / n);
        Connect c = backend.connections().get(host);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            KvmHypervisorBackend.lookup(c, spec.vmUuid());
        }
        out.put("is it running? (domainLookupByName RPC, absent domain)", ms(System.nanoTime() - t0) / n);
        return out;
    }

    private List<Sample> run(int n, int parallel, Start start, List<VmSpec> specs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        long began = System.nanoTime();
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<Sample> task = () -> {
                    long t0 = System.nanoTime();
                    Domain d = start.start(k);
                    long called = System.nanoTime();
                    String guest = "guest=" + specs.get(k).vmUuid();
                    long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
                    while (!(d.getInfo().state == DomainInfo.DomainState.VIR_DOMAIN_RUNNING && Qemu.running(guest))) {
                        if (System.nanoTime() > deadline) {
                            throw new AssertionError("VM " + specs.get(k).vmUuid() + " not running after 60 s");
                        }
                        Thread.sleep(2);
                    }
                    return new Sample(ms(called - t0), ms(System.nanoTime() - t0));
                };
                futures.add(pool.submit(task));
            }
            List<Sample> out = new ArrayList<>();
            for (Future<Sample> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            lastWall = ms(System.nanoTime() - began);
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Specs of n VMs, each with its own qcow2 overlay of the boot sector (made now, untimed). */
    private List<VmSpec> specs(int n) throws Exception {
        List<VmSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String vm = uuid();
            Path root = dir.resolve(vm + ".qcow2");
            Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "raw",
                    root.toString()).redirectErrorStream(true).start();
            if (p.waitFor() != 0) {
                throw new AssertionError("qemu-img: " + new String(p.getInputStream().readAllBytes()));
            }
            VmSpec.Disk disk = new VmSpec.Disk(uuid(), root.toString(), "qcow2", 0, true);
            VmSpec.Nic nic = new VmSpec.Nic(uuid(), String.format("fa:16:3e:20:%02x:%02x", (i >> 8) & 0xff, i & 0xff),
                    "10.9." + (i / 200) + "." + (i % 200 + 2), uuid(), "L2NoVlanNetwork", "eth0", null, 1500, 0);
            specs.add(new VmSpec(vm, "bench-" + i, host.hostUuid(), 1, 64L << 20, "Linux", List.of(disk), List.of(nic),
                    Map.of(), List.of()));
        }
        return specs;
    }

    private static void row(StringBuilder md, String run, String path, List<Sample> s) {
        md.append("| ").append(run).append(" | ").append(path).append(" | ")
                .append(f(p(s, 50, true))).append(" | ").append(f(p(s, 95, true))).append(" | ").append(f(p(s, 100, true)))
                .append(" | ").append(f(p(s, 50, false))).append(" | ").append(f(p(s, 95, false))).append(" | ")
                .append(f(p(s, 100, false))).append(" |\n");
    }

    /** Nearest-rank percentile of the call or running times. */
    static double p(List<Sample> samples, int pct, boolean call) {
        double[] v = samples.stream().mapToDouble(s -> call ? s.callMs() : s.runningMs()).sorted().toArray();
        int rank = (int) Math.ceil(pct / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String uuid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Looks for a qemu process by a piece of its command line, in /proc. */
    static final class Qemu {
        private Qemu() { }

        static boolean running(String needle) {
            return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine()
                    .map(c -> c.contains("qemu-system") && c.contains(needle)).orElse(false));
        }
    }

    /** A boot sector that prints on the serial port and halts (as in KvmLibvirtdE2ETest). */
    static final class BootSector {
        private BootSector() { }

        static byte[] bytes() {
            byte[] code = {0x31, (byte) 0xC0, (byte) 0x8E, (byte) 0xD8, (byte) 0xBA, (byte) 0xF8, 0x03, (byte) 0xBE, 0x15,
                0x7C, (byte) 0xAC, (byte) 0x84, (byte) 0xC0, 0x74, 0x03, (byte) 0xEE, (byte) 0xEB, (byte) 0xF8, (byte) 0xF4,
                (byte) 0xEB, (byte) 0xFD};
            byte[] sector = Arrays.copyOf(code, 512);
            byte[] msg = "KUMO BOOT OK\r\n\0".getBytes();
            System.arraycopy(msg, 0, sector, code.length, msg.length);
            sector[510] = 0x55;
            sector[511] = (byte) 0xAA;
            return sector;
        }
    }
}
