package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real VMs over REST: two KVM hosts, each a libvirtd with qemu (TCG) in its own network namespace
 * ({@code itests/lab/kvm-lab.sh}), an image store on this node fed by an HTTP server of the test, and local primary
 * storage on a directory every lab host sees. A VM created over REST runs as a qemu process on a qcow2 overlay of the
 * cached image; it is stopped, started, rebooted, given a hot-plugged data volume, live-migrated to the other host,
 * reached through the console proxy, killed behind Kumo's back (state drift), destroyed and expunged.
 * Runs when {@code kumo.kvm.e2e=true} ({@code ./kumo test} sets it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvmIT {
    private static final long MIB = 1L << 20;
    private static final Path LAB = Path.of("/tmp/kumo-kvm-lab");
    private Path script;
    private final List<String> uris = new ArrayList<>();
    private KumoNode node;
    private Rest rest;
    private HttpServer http;
    private Path dir;

    @BeforeAll
    void boot() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kumo.kvm.e2e"),
                "KvmIT needs root, libvirtd and qemu: run with -Dkumo.kvm.e2e=true (./kumo test does)");
        script = Path.of(System.getProperty("kumo.kvm.lab.script", "lab/kvm-lab.sh")).toAbsolutePath();
        for (String line : run(List.of("bash", script.toString(), "start", "2"), 180).split("\n")) {
            if (line.startsWith("qemu+tcp://")) {
                uris.add(line.trim());
            }
        }
        assertEquals(2, uris.size(), "the lab prints one URI per host");
        dir = Files.createTempDirectory("kvm-it");
        Path raw = dir.resolve("boot.raw");
        Files.write(raw, bootSector());
        Path qcow2 = dir.resolve("boot.qcow2");
        run(List.of("qemu-img", "convert", "-q", "-f", "raw", "-O", "qcow2", raw.toString(), qcow2.toString()), 30);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/boot.qcow2", ex -> {
            byte[] data = Files.readAllBytes(qcow2);
            ex.sendResponseHeaders(200, data.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(data);
            }
        });
        http.start();
        node = KumoNode.install("kvm").start();
        rest = node.rest().login();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && (rest.get("/vm-instances").status() == 404
                || rest.get("/volumes").status() == 404)) {
            Thread.sleep(250);
        }
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
        if (http != null) {
            http.stop(0);
        }
        if (script != null) {
            run(List.of("bash", script.toString(), "stop", "2"), 120);
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aRealVmCreatedOverRestLivesMovesAndIsWatched() throws Exception {
        String zone = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
        String bs = created("/backup-storage/image-store", Map.of("name", "store", "url", dir.resolve("bs").toString(),
                "hostname", "127.0.0.1", "username", "root", "password", "unused")).path("uuid").asText();
        created("/zones/" + zone + "/backup-storage/" + bs, Map.of());
        JsonNode image = created("/images", Map.of("name", "boot", "url", "http://127.0.0.1:" + http.getAddress().getPort()
                + "/boot.qcow2", "format", "qcow2", "mediaType", "RootVolumeTemplate", "platform", "Other",
                "backupStorageUuids", List.of(bs)));
        assertEquals("Ready", image.path("status").asText(), image.toString());

        String cluster = created("/clusters", Map.of("zoneUuid", zone, "name", unique("kvm"), "hypervisorType", "KVM"))
                .path("uuid").asText();
        Path psDir = LAB.resolve("shared/ps-" + UUID.randomUUID().toString().substring(0, 8));
        String ps = created("/primary-storage/local-storage", Map.of("name", "local", "url", psDir.toString(),
                "zoneUuid", zone, "hostAccess", "local")).path("uuid").asText();
        created("/clusters/" + cluster + "/primary-storage/" + ps, Map.of());
        String l2 = created("/l2-networks/no-vlan", Map.of("name", "l2", "zoneUuid", zone, "physicalInterface", "eth0"))
                .path("uuid").asText();
        created("/l2-networks/" + l2 + "/clusters/" + cluster, Map.of());
        String l3 = created("/l3-networks", Map.of("name", "l3", "l2NetworkUuid", l2, "category", "Private"))
                .path("uuid").asText();
        created("/l3-networks/" + l3 + "/ip-ranges", Map.of("name", "r", "startIp", "10.201.0.10", "endIp", "10.201.0.100",
                "netmask", "255.255.255.0", "gateway", "10.201.0.1"));

        // a wrong URI: a clear error, no host left behind
        Rest.Reply refused = rest.awaitJob(rest.post("/hosts/kvm", Map.of("name", "nowhere", "managementIp", "10.252.0.99",
                "clusterUuid", cluster, "username", "root", "password", "x",
                "libvirtUri", "qemu+tcp://127.0.0.1:1/system"), List.of(), List.of()));
        assertNotEquals(200, refused.status(), refused.raw());
        assertEquals(0, rest.get("/hosts", "q", "name=nowhere").body().path("inventories").size());

        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String ip = URI.create(uris.get(i)).getHost();
            JsonNode host = created("/hosts/kvm", Map.of("name", "kvm" + (i + 1), "managementIp", ip,
                    "clusterUuid", cluster, "username", "root", "password", "unused", "libvirtUri", uris.get(i),
                    "kvm.stopTimeoutSeconds", 3));
            assertEquals("Connected", host.path("status").asText(), host.toString());
            assertTrue(host.path("totalCpuCapacity").asLong() > 0 && host.path("totalMemoryCapacity").asLong() > 0, host.toString());
            hosts.add(host.path("uuid").asText());
        }
        String offering = created("/instance-offerings", Map.of("name", "tiny", "cpuNum", 1, "memorySize", 64 * MIB))
                .path("uuid").asText();

        // create: a qemu process on a qcow2 overlay of the cached image
        JsonNode vm = created("/vm-instances", Map.of("name", "real", "instanceOfferingUuid", offering,
                "imageUuid", image.path("uuid").asText(), "l3NetworkUuids", List.of(l3), "hostUuid", hosts.get(0)));
        String uuid = vm.path("uuid").asText();
        assertEquals("Running", vm.path("state").asText(), vm.toString());
        long pid = qemuOf(uuid).orElseThrow(() -> new AssertionError("no qemu process for " + uuid)).pid();
        String rootPath = rootVolume(uuid).path("installPath").asText();
        JsonNode info = Rest.JSON.readTree(run(List.of("qemu-img", "info", "-U", "--output=json", rootPath), 30));
        assertEquals("qcow2", info.path("format").asText(), info.toString());
        assertTrue(info.path("backing-filename").asText().contains(image.path("uuid").asText()), info.toString());
        assertTrue(domain(0, "dumpxml", uuid).contains(rootPath), "the domain runs on the overlay");

        // stop (grace: the boot sector ignores ACPI, destroyed after the host's 3 s), start, reboot
        assertEquals("Stopped", action(uuid, "stopVmInstance", Map.of("type", "grace")).path("state").asText());
        await("qemu gone after stop", 15_000, () -> qemuOf(uuid).isEmpty());
        assertEquals("Running", action(uuid, "startVmInstance", Map.of()).path("state").asText());
        long started = qemuOf(uuid).orElseThrow().pid();
        assertNotEquals(pid, started);
        assertEquals("Running", action(uuid, "rebootVmInstance", Map.of()).path("state").asText());
        assertTrue(qemuOf(uuid).isPresent());

        // a data volume hot-plugged into the running domain
        JsonNode volume = created("/volumes/data", Map.of("name", "data", "diskSize", 16 * MIB));
        String volumeUuid = volume.path("uuid").asText();
        JsonNode attached = created("/volumes/" + volumeUuid + "/vm-instances/" + uuid, Map.of());
        String dataPath = attached.path("installPath").asText();
        assertTrue(Files.exists(Path.of(dataPath)), attached.toString());
        assertTrue(domain(0, "dumpxml", uuid).contains(dataPath), "the running domain has the data disk");

        // live migration to the second host
        JsonNode moved = action(uuid, "migrateVm", Map.of("hostUuid", hosts.get(1)));
        assertEquals(hosts.get(1), moved.path("hostUuid").asText(), moved.toString());
        assertTrue(domain(1, "domstate", uuid).contains("running"));
        assertFalse(domain(0, "list", "--all", "--name").contains(uuid), "the source no longer has the domain");

        // the console through the proxy: a VNC server greets
        Rest.Reply console = rest.awaitJob(rest.post("/consoles", Map.of("vmInstanceUuid", uuid), List.of(), List.of()));
        assertEquals(200, console.status(), console.raw());
        JsonNode c = console.body().path("inventory");
        LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        WebSocket ws = openConsole(c, received).toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertTrue(readText(received, 12).startsWith("RFB 003."), "the VNC banner through the proxy");
        ws.abort();

        // state drift: qemu killed behind Kumo's back
        ProcessHandle qemu = qemuOf(uuid).orElseThrow();
        qemu.destroyForcibly();
        await("the VM reported Stopped", 60_000, () ->
                "Stopped".equals(rest.get("/vm-instances/" + uuid).body().path("inventories").path(0).path("state").asText()));

        // destroy and expunge: the overlay is gone
        Rest.Reply destroyed = rest.awaitJob(rest.delete("/vm-instances/" + uuid));
        assertEquals(200, destroyed.status(), destroyed.raw());
        assertEquals(200, rest.awaitJob(rest.put("/vm-instances/" + uuid + "/actions", "expungeVmInstance", Map.of())).status());
        assertFalse(Files.exists(Path.of(rootPath)), "the root overlay is deleted");
        assertFalse(domain(1, "list", "--all", "--name").contains(uuid), "no domain left");
    }

    // ---------------------------------------------------------------- helpers

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    /** POSTs and waits for the job; a plugin's add operation may be routed a moment after the node answers. */
    private JsonNode created(String path, Map<String, ?> params) throws Exception {
        Rest.Reply r = rest.awaitJob(rest.post(path, params, List.of(), List.of()));
        for (int i = 0; i < 120 && (r.status() == 404 || r.status() == 405) && !path.contains("/zones/"); i++) {
            Thread.sleep(250);
            r = rest.awaitJob(rest.post(path, params, List.of(), List.of()));
        }
        assertEquals(200, r.status(), path + " " + r.raw());
        return r.body().path("inventory");
    }

    private JsonNode action(String vmUuid, String action, Map<String, ?> params) throws Exception {
        Rest.Reply r = rest.awaitJob(rest.put("/vm-instances/" + vmUuid + "/actions", action, params));
        assertEquals(200, r.status(), action + " " + r.raw());
        return r.body().path("inventory");
    }

    private JsonNode rootVolume(String vmUuid) throws Exception {
        JsonNode volumes = rest.get("/volumes", "q", "vmInstanceUuid=" + vmUuid, "q", "type=Root").body().path("inventories");
        assertEquals(1, volumes.size(), volumes.toString());
        return volumes.path(0);
    }

    /** Runs virsh against lab host {@code i} (0-based). */
    private String domain(int i, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("virsh", "-q", "-c", uris.get(i)));
        command.addAll(List.of(args));
        return run(command, 30);
    }

    private static String run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static Optional<ProcessHandle> qemuOf(String vmUuid) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("qemu-system")
                && c.contains("guest=" + vmUuid)).orElse(false)).findFirst();
    }

    private static void await(String what, long millis, Check check) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (!check.ok()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static CompletionStage<WebSocket> openConsole(JsonNode console, LinkedBlockingQueue<byte[]> received) {
        URI uri = URI.create("ws://" + console.path("hostname").asText() + ":" + console.path("port").asInt()
                + "/websockify?token=" + console.path("token").asText());
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                        byte[] bytes = new byte[data.remaining()];
                        data.get(bytes);
                        received.add(bytes);
                        webSocket.request(1);
                        return null;
                    }
                });
    }

    private static String readText(LinkedBlockingQueue<byte[]> received, int length) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        long deadline = System.currentTimeMillis() + 15_000;
        while (text.length() < length && System.currentTimeMillis() < deadline) {
            byte[] chunk = received.poll(200, TimeUnit.MILLISECONDS);
            if (chunk != null) {
                text.append(new String(chunk, StandardCharsets.US_ASCII));
            }
        }
        return text.toString();
    }

    /** A boot sector that prints on the serial port and halts (the same program as the KVM plugin's own test). */
    private static byte[] bootSector() {
        byte[] code = {0x31, (byte) 0xC0, (byte) 0x8E, (byte) 0xD8, (byte) 0xBA, (byte) 0xF8, 0x03, (byte) 0xBE, 0x15, 0x7C,
            (byte) 0xAC, (byte) 0x84, (byte) 0xC0, 0x74, 0x03, (byte) 0xEE, (byte) 0xEB, (byte) 0xF8, (byte) 0xF4,
            (byte) 0xEB, (byte) 0xFD};
        byte[] sector = new byte[512];
        System.arraycopy(code, 0, sector, 0, code.length);
        byte[] msg = "KUMO BOOT OK\r\n\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(msg, 0, sector, code.length, msg.length);
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }
}
