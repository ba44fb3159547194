package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VM-level operations over REST on the simulator: NICs attached and detached (addresses allocated and released),
 * CPU/memory changed running and stopped (host capacity moved, over-capacity and unsupported changes refused), ISO in
 * and out of the CD-ROM, boot order and console password reaching the hypervisor at the next start (never the password
 * itself), the console proxy end to end against a fake VNC server, state drift reported by the hypervisor, image
 * export, and rollbacks through FailJobStep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VmOperationsIT {
    private static final long GIB = 1L << 30;
    private KumoNode node;
    private Rest rest;
    private int proxyPort;
    private String zone;
    private String bs;
    private String image;
    private String iso;
    private String offering;
    private String l3a;
    private String l3b;
    private final List<String> hosts = new ArrayList<>();

    @BeforeAll
    void boot() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            proxyPort = s.getLocalPort();
        }
        node = KumoNode.install("vmops").config("io.kumo.console.proxy", "port", String.valueOf(proxyPort)).start();
        rest = node.rest().login();
        awaitApi("/vm-instances");
        zone = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
        String cluster = created("/clusters", Map.of("zoneUuid", zone, "name", unique("c"), "hypervisorType", "Simulator")).path("uuid").asText();
        for (int i = 1; i <= 2; i++) {
            JsonNode h = created("/hosts/simulators", Map.of("name", unique("host"), "managementIp", "10.40.0." + i,
                    "clusterUuid", cluster, "cpuCapacity", 4, "memoryCapacity", 8 * GIB));
            hosts.add(h.path("uuid").asText());
        }
        String ps = created("/primary-storage/simulators", Map.of("name", "ps", "url", "/sim/ps", "zoneUuid", zone,
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        created("/clusters/" + cluster + "/primary-storage/" + ps, Map.of());
        bs = created("/backup-storage/simulators", Map.of("name", "bs", "url", "/sim/bs",
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        created("/zones/" + zone + "/backup-storage/" + bs, Map.of());
        image = created("/images", Map.of("name", "img", "url", "http://example.com/img.qcow2?size=" + GIB,
                "format", "qcow2", "mediaType", "RootVolumeTemplate", "backupStorageUuids", List.of(bs))).path("uuid").asText();
        iso = created("/images", Map.of("name", "iso", "url", "http://example.com/install.iso?size=" + GIB,
                "format", "iso", "mediaType", "ISO", "backupStorageUuids", List.of(bs))).path("uuid").asText();
        offering = created("/instance-offerings", Map.of("name", "small", "cpuNum", 1, "memorySize", GIB)).path("uuid").asText();
        String l2 = created("/l2-networks/no-vlan", Map.of("name", "l2", "zoneUuid", zone, "physicalInterface", "eth0")).path("uuid").asText();
        created("/l2-networks/" + l2 + "/clusters/" + cluster, Map.of());
        l3a = l3(l2, "a", "10.110.0");
        l3b = l3(l2, "b", "10.111.0");
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private void awaitApi(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        Rest.Reply r = rest.get(path);
        while (r.status() == 404 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            r = rest.get(path);
        }
        assertEquals(200, r.status(), r.raw());
    }

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    private JsonNode created(String path, Map<String, ?> params) throws Exception {
        Rest.Reply r = rest.awaitJob(rest.post(path, params, List.of(), List.of()));
        assertEquals(200, r.status(), path + " " + r.raw());
        return r.body().path("inventory");
    }

    private String l3(String l2, String name, String prefix) throws Exception {
        String uuid = created("/l3-networks", Map.of("name", name, "l2NetworkUuid", l2, "category", "Private")).path("uuid").asText();
        created("/l3-networks/" + uuid + "/ip-ranges", Map.of("name", "r", "startIp", prefix + ".10", "endIp", prefix + ".200",
                "netmask", "255.255.255.0", "gateway", prefix + ".1"));
        return uuid;
    }

    private JsonNode runningVm(String name) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("instanceOfferingUuid", offering);
        p.put("imageUuid", image);
        p.put("l3NetworkUuids", List.of(l3a));
        JsonNode vm = created("/vm-instances", p);
        assertEquals("Running", vm.path("state").asText(), vm.toString());
        return vm;
    }

    private JsonNode vm(String uuid) throws Exception {
        return rest.get("/vm-instances/" + uuid).body().path("inventories").path(0);
    }

    private JsonNode host(String uuid) throws Exception {
        return rest.get("/hosts/" + uuid).body().path("inventories").path(0);
    }

    private String capacity(String hostUuid) throws Exception {
        JsonNode h = host(hostUuid);
        return h.path("availableCpuCapacity").asLong() + "/" + h.path("availableMemoryCapacity").asLong();
    }

    private Rest.Reply action(String vmUuid, String key, Map<String, ?> params) throws Exception {
        return rest.awaitJob(rest.put("/vm-instances/" + vmUuid + "/actions", key, params));
    }

    private JsonNode spec(String vmUuid) throws Exception {
        Rest.Reply r = rest.get("/simulators/vm-specs/" + vmUuid);
        assertEquals(200, r.status(), r.raw());
        return r.body();
    }

    private boolean ipAvailable(String l3Uuid, String ip) throws Exception {
        return rest.get("/l3-networks/" + l3Uuid + "/ip/" + ip + "/availability").body().path("available").asBoolean();
    }

    private void failJobStep(String operation, String step) throws Exception {
        Rest.Reply r = rest.put("/simulators/actions", "failJobStep", Map.of("operation", operation, "step", step));
        assertEquals(200, r.status(), r.raw());
    }

    private void restart(String uuid) throws Exception {
        assertEquals(200, action(uuid, "stopVmInstance", Map.of()).status());
        Rest.Reply started = action(uuid, "startVmInstance", Map.of());
        assertEquals(200, started.status(), started.raw());
    }

    private static boolean absent(JsonNode n) { return n.isNull() || n.isMissingNode(); }

    private static void assertFailed(Rest.Reply r, String code) {
        assertEquals(503, r.status(), r.raw());
        assertEquals(code, r.errorCode(), r.raw());
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void nicsAreAttachedAndDetachedWithTheirAddresses() throws Exception {
        JsonNode vm = runningVm("nics");
        String uuid = vm.path("uuid").asText();
        Rest.Reply attached = rest.awaitJob(rest.post("/vm-instances/" + uuid + "/l3-networks/" + l3b, Map.of(), List.of(), List.of()));
        assertEquals(200, attached.status(), attached.raw());
        JsonNode nics = attached.body().path("inventory").path("vmNics");
        assertEquals(2, nics.size(), nics.toString());
        JsonNode added = nics.path(1);
        assertEquals(l3b, added.path("l3NetworkUuid").asText());
        assertEquals(1, added.path("deviceId").asInt());
        assertTrue(added.path("mac").asText().startsWith("fa:"), added.toString());
        String ip = added.path("ip").asText();
        assertTrue(ip.startsWith("10.111.0."), ip);
        assertFalse(ipAvailable(l3b, ip), "the new NIC's address is taken");
        assertEquals(2, spec(uuid).path("nics").size(), "hot-plugged into the running VM");

        Rest.Reply again = rest.post("/vm-instances/" + uuid + "/l3-networks/" + l3b, Map.of(), List.of(), List.of());
        assertEquals(409, again.status(), again.raw());

        Rest.Reply detached = rest.awaitJob(rest.delete("/vm-instances/nics/" + added.path("uuid").asText()));
        assertEquals(200, detached.status(), detached.raw());
        assertEquals(1, vm(uuid).path("vmNics").size());
        assertTrue(ipAvailable(l3b, ip), "the detached NIC's address is released");
        assertEquals(1, spec(uuid).path("nics").size(), "unplugged from the running VM");

        Rest.Reply last = rest.delete("/vm-instances/nics/" + vm.path("vmNics").path(0).path("uuid").asText());
        assertEquals(409, last.status(), last.raw());
        assertTrue(last.raw().contains("last NIC"), last.raw());

        // a static address, on a stopped VM: the NIC reaches the hypervisor at the next start
        assertEquals(200, action(uuid, "stopVmInstance", Map.of()).status());
        Rest.Reply outside = rest.post("/vm-instances/" + uuid + "/l3-networks/" + l3b, Map.of("staticIp", "10.99.0.5"), List.of(), List.of());
        assertEquals(400, outside.status(), outside.raw());
        Rest.Reply fixed = rest.awaitJob(rest.post("/vm-instances/" + uuid + "/l3-networks/" + l3b,
                Map.of("staticIp", "10.111.0.150"), List.of(), List.of()));
        assertEquals(200, fixed.status(), fixed.raw());
        assertEquals("10.111.0.150", fixed.body().path("inventory").path("vmNics").path(1).path("ip").asText());
        assertEquals(200, action(uuid, "startVmInstance", Map.of()).status());
        assertEquals(2, spec(uuid).path("nics").size());
    }

    @Test
    @Order(2)
    void aFailedNicAttachLeavesNothing() throws Exception {
        String uuid = runningVm("nic-rollback").path("uuid").asText();
        String free = rest.get("/l3-networks/" + l3b + "/ip/free", "limit", "1").body().path("inventories").path(0).path("ip").asText();
        for (String step : List.of("attach-on-hypervisor", "announce")) {
            failJobStep("AttachL3NetworkToVm", step);
            Rest.Reply r = rest.awaitJob(rest.post("/vm-instances/" + uuid + "/l3-networks/" + l3b, Map.of(), List.of(), List.of()));
            assertEquals(503, r.status(), r.raw());
            assertTrue(r.body().path("error").path("details").asText().contains("step '" + step + "'"), r.raw());
            assertEquals(1, vm(uuid).path("vmNics").size(), step);
            assertEquals(1, spec(uuid).path("nics").size(), step);
            assertTrue(ipAvailable(l3b, free), "the address is released after a failure of " + step);
        }
        // the hypervisor refusing the hot-plug
        Rest.Reply armed = rest.put("/simulators/actions", "configureSimulator", Map.of("target", uuid, "call", "attachNic", "failures", 1));
        assertEquals(200, armed.status(), armed.raw());
        Rest.Reply r = rest.awaitJob(rest.post("/vm-instances/" + uuid + "/l3-networks/" + l3b, Map.of(), List.of(), List.of()));
        assertEquals(503, r.status(), r.raw());
        assertEquals(1, vm(uuid).path("vmNics").size());
        assertTrue(ipAvailable(l3b, free));
        assertEquals(200, rest.put("/simulators/actions", "resetSimulator", Map.of()).status());
    }

    @Test
    @Order(3)
    void cpuAndMemoryChangeRunningAndStopped() throws Exception {
        JsonNode vm = runningVm("resize");
        String uuid = vm.path("uuid").asText();
        String hostUuid = vm.path("hostUuid").asText();
        JsonNode before = host(hostUuid);
        Rest.Reply grown = action(uuid, "updateVmInstance", Map.of("cpuNum", 2, "memorySize", 2 * GIB));
        assertEquals(200, grown.status(), grown.raw());
        assertEquals(2, grown.body().path("inventory").path("cpuNum").asInt());
        JsonNode after = host(hostUuid);
        assertEquals(before.path("availableCpuCapacity").asLong() - 1, after.path("availableCpuCapacity").asLong());
        assertEquals(before.path("availableMemoryCapacity").asLong() - GIB, after.path("availableMemoryCapacity").asLong());
        assertEquals(2, spec(uuid).path("cpuNum").asInt(), "applied live");
        assertEquals(2 * GIB, spec(uuid).path("memorySize").asLong());

        String capacity = capacity(hostUuid);
        Rest.Reply shrink = action(uuid, "updateVmInstance", Map.of("cpuNum", 1));
        assertFailed(shrink, "SYS.1014");
        assertTrue(shrink.body().path("error").path("details").asText().contains("shrinking"), shrink.raw());
        assertEquals(2, vm(uuid).path("cpuNum").asInt(), "nothing changed");
        assertEquals(capacity, capacity(hostUuid));

        Rest.Reply huge = action(uuid, "updateVmInstance", Map.of("memorySize", 64 * GIB));
        assertFailed(huge, "ALLOC.1001");
        assertEquals(2 * GIB, vm(uuid).path("memorySize").asLong());
        assertEquals(capacity, capacity(hostUuid));

        failJobStep("UpdateVmInstance", "announce");
        assertEquals(503, action(uuid, "updateVmInstance", Map.of("cpuNum", 3)).status());
        assertEquals(2, vm(uuid).path("cpuNum").asInt(), "rolled back");
        assertEquals(2, spec(uuid).path("cpuNum").asInt(), "rolled back on the hypervisor");
        assertEquals(capacity, capacity(hostUuid), "the reservation is released");

        Rest.Reply bad = rest.put("/vm-instances/" + uuid + "/actions", "updateVmInstance", Map.of("cpuNum", 0));
        assertEquals(400, bad.status(), bad.raw());

        // stopped: recorded for the next start
        assertEquals(200, action(uuid, "stopVmInstance", Map.of()).status());
        Rest.Reply shrunk = action(uuid, "updateVmInstance", Map.of("cpuNum", 1, "memorySize", GIB));
        assertEquals(200, shrunk.status(), shrunk.raw());
        assertEquals(1, vm(uuid).path("cpuNum").asInt());
        assertEquals(200, action(uuid, "startVmInstance", Map.of()).status());
        assertEquals(1, spec(uuid).path("cpuNum").asInt());
        assertEquals(GIB, spec(uuid).path("memorySize").asLong());

        // another instance offering, running
        String large = created("/instance-offerings", Map.of("name", "large", "cpuNum", 2, "memorySize", 3 * GIB)).path("uuid").asText();
        String beforeChange = capacity(hostUuid);
        Rest.Reply changed = action(uuid, "changeInstanceOffering", Map.of("instanceOfferingUuid", large));
        assertEquals(200, changed.status(), changed.raw());
        assertEquals(large, vm(uuid).path("instanceOfferingUuid").asText());
        assertEquals(3 * GIB, spec(uuid).path("memorySize").asLong());
        assertNotEquals(beforeChange, capacity(hostUuid), "the growth is reserved on the host");
    }

    @Test
    @Order(4)
    void anIsoGoesInAndOutOfTheCdrom() throws Exception {
        String uuid = runningVm("iso").path("uuid").asText();
        assertEquals(1, spec(uuid).path("cdroms").size(), "one CD-ROM drive");
        assertTrue(absent(spec(uuid).path("cdroms").path(0).path("imageUuid")), spec(uuid).toString());
        Rest.Reply notIso = rest.post("/vm-instances/" + uuid + "/iso/" + image, Map.of(), List.of(), List.of());
        assertEquals(400, notIso.status(), notIso.raw());

        Rest.Reply attached = rest.awaitJob(rest.post("/vm-instances/" + uuid + "/iso/" + iso, Map.of(), List.of(), List.of()));
        assertEquals(200, attached.status(), attached.raw());
        JsonNode drive = spec(uuid).path("cdroms").path(0);
        assertEquals(iso, drive.path("imageUuid").asText(), drive.toString());
        assertTrue(drive.path("installPath").asText().contains("imagecache/" + iso), drive.toString());
        Rest.Reply twice = rest.post("/vm-instances/" + uuid + "/iso/" + iso, Map.of(), List.of(), List.of());
        assertEquals(409, twice.status(), twice.raw());

        restart(uuid);
        assertEquals(iso, spec(uuid).path("cdroms").path(0).path("imageUuid").asText(), "kept across a restart");

        Rest.Reply detached = rest.awaitJob(rest.delete("/vm-instances/" + uuid + "/iso"));
        assertEquals(200, detached.status(), detached.raw());
        assertTrue(absent(spec(uuid).path("cdroms").path(0).path("imageUuid")), "ejected");
        Rest.Reply empty = rest.delete("/vm-instances/" + uuid + "/iso");
        assertEquals(409, empty.status(), empty.raw());

        // a VM created from an ISO boots from it, on an empty root disk of the root disk offering
        String disk = created("/disk-offerings", Map.of("name", "root", "diskSize", 20 * GIB)).path("uuid").asText();
        Map<String, Object> p = new HashMap<>();
        p.put("name", "from-iso");
        p.put("instanceOfferingUuid", offering);
        p.put("imageUuid", iso);
        p.put("rootDiskOfferingUuid", disk);
        p.put("l3NetworkUuids", List.of(l3a));
        JsonNode fromIso = created("/vm-instances", p);
        JsonNode spec = spec(fromIso.path("uuid").asText());
        assertEquals(iso, spec.path("cdroms").path(0).path("imageUuid").asText(), spec.toString());
        assertEquals("CdRom,HardDisk", spec.path("bootOrder").asText());
        JsonNode root = rest.get("/volumes/" + fromIso.path("rootVolumeUuid").asText()).body().path("inventories").path(0);
        assertEquals(20 * GIB, root.path("size").asLong(), root.toString());
    }

    @Test
    @Order(5)
    void bootOrderAndConsolePasswordReachTheNextStart() throws Exception {
        String uuid = runningVm("settings").path("uuid").asText();
        Rest.Reply bad = rest.put("/vm-instances/" + uuid + "/actions", "setVmBootOrder", Map.of("bootOrder", List.of("Floppy")));
        assertEquals(400, bad.status(), bad.raw());
        assertEquals(200, action(uuid, "setVmBootOrder", Map.of("bootOrder", List.of("CdRom", "HardDisk"))).status());
        JsonNode orders = rest.get("/vm-instances/" + uuid + "/boot-orders").body().path("orders");
        assertEquals("[\"CdRom\",\"HardDisk\"]", orders.toString());

        String password = "s3cr3t!";
        Rest.Reply set = action(uuid, "setVmConsolePassword", Map.of("consolePassword", password));
        assertEquals(200, set.status(), set.raw());
        assertFalse(set.raw().contains(password), "never returned");
        Rest.Reply asked = rest.get("/vm-instances/" + uuid + "/console-passwords");
        assertEquals(200, asked.status(), asked.raw());
        assertTrue(asked.body().path("consolePasswordSet").asBoolean(), asked.raw());
        assertFalse(asked.raw().contains(password), "never returned");
        assertFalse(spec(uuid).path("consolePasswordSet").asBoolean(), "applies at the next start");

        restart(uuid);
        JsonNode spec = spec(uuid);
        assertEquals("CdRom,HardDisk", spec.path("bootOrder").asText());
        assertTrue(spec.path("consolePasswordSet").asBoolean(), spec.toString());
        assertFalse(spec.toString().contains(password));
        Rest.Reply jobs = rest.get("/vm-instances", "q", "uuid=" + uuid);
        assertFalse(jobs.raw().contains(password));

        assertTrue(absent(spec.path("videoType")), spec.toString());
        Map<String, Object> p = new HashMap<>();
        p.put("name", "qxl");
        p.put("instanceOfferingUuid", offering);
        p.put("imageUuid", image);
        p.put("l3NetworkUuids", List.of(l3a));
        Rest.Reply qxl = rest.awaitJob(rest.post("/vm-instances", p, List.of("videoType::qxl"), List.of()));
        assertEquals(200, qxl.status(), qxl.raw());
        assertEquals("qxl", spec(qxl.body().path("inventory").path("uuid").asText()).path("videoType").asText());

        Rest.Reply deleted = rest.awaitJob(rest.delete("/vm-instances/" + uuid + "/console-password"));
        assertEquals(200, deleted.status(), deleted.raw());
        assertFalse(rest.get("/vm-instances/" + uuid + "/console-passwords").body().path("consolePasswordSet").asBoolean());
        restart(uuid);
        assertFalse(spec(uuid).path("consolePasswordSet").asBoolean());
    }

    @Test
    @Order(6)
    void theConsoleProxyRelaysAFakeVncServer() throws Exception {
        try (ServerSocket vnc = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> fakeVnc(vnc), "fake-vnc");
            server.setDaemon(true);
            server.start();
            assertEquals(200, rest.put("/simulators/actions", "configureSimulatorConsole",
                    Map.of("hostname", "127.0.0.1", "port", vnc.getLocalPort())).status());
            JsonNode vm = runningVm("console");
            String uuid = vm.path("uuid").asText();

            JsonNode console = requestConsole(uuid);
            assertEquals("ws", console.path("scheme").asText(), console.toString());
            assertEquals(proxyPort, console.path("port").asInt());
            String token = console.path("token").asText();
            assertTrue(token.length() >= 40, token);

            LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
            WebSocket ws = open(console, token, received).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("RFB 003.008\n", readText(received, 12));
            ws.sendBinary(ByteBuffer.wrap("hello vnc".getBytes(StandardCharsets.US_ASCII)), true).get(5, TimeUnit.SECONDS);
            assertEquals("hello vnc", readText(received, 9), "echoed through the proxy");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);

            assertRefused(open(console, token, new LinkedBlockingQueue<>()), "a used token");
            assertRefused(open(console, "not-a-token", new LinkedBlockingQueue<>()), "an unknown token");

            Rest.Reply shortTtl = rest.awaitJob(rest.put("/global-configurations/console/token.timeout/actions",
                    "updateGlobalConfig", Map.of("value", "1")));
            assertEquals(200, shortTtl.status(), shortTtl.raw());
            JsonNode expiring = requestConsole(uuid);
            Thread.sleep(1500);
            assertRefused(open(expiring, expiring.path("token").asText(), new LinkedBlockingQueue<>()), "an expired token");
            rest.awaitJob(rest.put("/global-configurations/console/token.timeout/actions", "updateGlobalConfig", Map.of("value", "60")));

            assertEquals(200, action(uuid, "stopVmInstance", Map.of()).status());
            Rest.Reply stopped = rest.post("/consoles", Map.of("vmInstanceUuid", uuid), List.of(), List.of());
            assertEquals(409, stopped.status(), stopped.raw());
        }
    }

    private JsonNode requestConsole(String vmUuid) throws Exception {
        Rest.Reply r = rest.awaitJob(rest.post("/consoles", Map.of("vmInstanceUuid", vmUuid), List.of(), List.of()));
        assertEquals(200, r.status(), r.raw());
        return r.body().path("inventory");
    }

    private static CompletionStage<WebSocket> open(JsonNode console, String token, LinkedBlockingQueue<byte[]> received) {
        URI uri = URI.create("ws://" + console.path("hostname").asText() + ":" + console.path("port").asInt()
                + "/websockify?token=" + token);
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

    private static void assertRefused(CompletionStage<WebSocket> opening, String what) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> opening.toCompletableFuture().get(10, TimeUnit.SECONDS), what);
        Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, cause, what);
        assertEquals(403, handshake.getResponse().statusCode(), what);
    }

    private static String readText(LinkedBlockingQueue<byte[]> received, int length) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        long deadline = System.currentTimeMillis() + 10_000;
        while (text.length() < length && System.currentTimeMillis() < deadline) {
            byte[] chunk = received.poll(200, TimeUnit.MILLISECONDS);
            if (chunk != null) {
                text.append(new String(chunk, StandardCharsets.US_ASCII));
            }
        }
        return text.toString();
    }

    /** A TCP server that greets like a VNC server and echoes what it receives. */
    private static void fakeVnc(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> {
                    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        byte[] buffer = new byte[4096];
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (Exception ignored) {
                        // the client went away
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (Exception e) {
                return;
            }
        }
    }

    @Test
    @Order(7)
    void aVmKilledOutsideKumoIsStoppedWithinSeconds() throws Exception {
        JsonNode vm = runningVm("drift");
        String uuid = vm.path("uuid").asText();
        String hostUuid = vm.path("hostUuid").asText();
        String capacity = capacity(hostUuid);
        Rest.Reply killed = rest.put("/vm-instances/" + uuid + "/actions", "killSimulatorVm", Map.of());
        assertEquals(200, killed.status(), killed.raw());
        long deadline = System.currentTimeMillis() + 5_000;
        while (!"Stopped".equals(vm(uuid).path("state").asText()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        JsonNode after = vm(uuid);
        assertEquals("Stopped", after.path("state").asText(), after.toString());
        assertTrue(after.path("hostUuid").isNull() || after.path("hostUuid").asText().isEmpty(), after.toString());
        assertNotEquals(capacity, capacity(hostUuid), "its capacity is released");
        assertEquals(200, action(uuid, "startVmInstance", Map.of()).status(), "it starts again");
    }

    @Test
    @Order(8)
    void anImageIsExportedAndWithdrawn() throws Exception {
        Rest.Reply exported = rest.awaitJob(rest.put("/backup-storage/" + bs + "/actions", "exportImageFromBackupStorage",
                Map.of("imageUuid", image)));
        assertEquals(200, exported.status(), exported.raw());
        String url = exported.body().path("imageUrl").asText();
        assertTrue(url.startsWith("http://127.0.0.1/"), url);
        JsonNode ref = rest.get("/images/" + image).body().path("inventories").path(0).path("backupStorageRefs").path(0);
        assertEquals(url, ref.path("exportUrl").asText(), ref.toString());

        Rest.Reply withdrawn = rest.awaitJob(rest.delete("/backup-storage/" + bs + "/exported-images/" + image));
        assertEquals(200, withdrawn.status(), withdrawn.raw());
        ref = rest.get("/images/" + image).body().path("inventories").path(0).path("backupStorageRefs").path(0);
        assertTrue(ref.path("exportUrl").isNull() || ref.path("exportUrl").isMissingNode(), ref.toString());

        failJobStep("ExportImageFromBackupStorage", "announce");
        Rest.Reply failed = rest.awaitJob(rest.put("/backup-storage/" + bs + "/actions", "exportImageFromBackupStorage",
                Map.of("imageUuid", image)));
        assertEquals(503, failed.status(), failed.raw());
        ref = rest.get("/images/" + image).body().path("inventories").path(0).path("backupStorageRefs").path(0);
        assertTrue(ref.path("exportUrl").isNull() || ref.path("exportUrl").isMissingNode(), "rolled back: " + ref);

        Rest.Reply missing = rest.put("/backup-storage/" + bs + "/actions", "exportImageFromBackupStorage",
                Map.of("imageUuid", "0123456789abcdef0123456789abcdef"));
        assertEquals(404, missing.status(), missing.raw());
        assertNotNull(missing.errorCode());
    }
}
