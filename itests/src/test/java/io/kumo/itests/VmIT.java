package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VMs over REST on a real node with the simulator's backends: a zone, a Simulator cluster with three hosts, simulator
 * primary and backup storage, an image, an instance offering and a no-VLAN L2 with an L3 range; then the VM lifecycle,
 * bad input, placement under concurrency, a failure injected at each create step (nothing leaks), host maintenance
 * and host disconnection with VM state re-sync.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VmIT {
    private static final long GIB = 1L << 30;
    private static final String MISSING = "0123456789abcdef0123456789abcdef";
    private KumoNode node;
    private Rest rest;
    private String zone;
    private String cluster;
    private final List<String> hosts = new ArrayList<>();
    private String ps;
    private String image;
    private String offering;
    private String l2;
    private String l3;
    private String bs;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("vm").start();
        rest = node.rest().login();
        awaitApi("/vm-instances");
        zone = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
        cluster = created("/clusters", Map.of("zoneUuid", zone, "name", unique("c"), "hypervisorType", "Simulator")).path("uuid").asText();
        for (int i = 1; i <= 3; i++) {
            hosts.add(addHost(cluster, "10.30.0." + i, 4, 8 * GIB));
        }
        ps = created("/primary-storage/simulators", Map.of("name", "ps", "url", "/sim/ps", "zoneUuid", zone,
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        created("/clusters/" + cluster + "/primary-storage/" + ps, Map.of());
        bs = created("/backup-storage/simulators", Map.of("name", "bs", "url", "/sim/bs",
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        created("/zones/" + zone + "/backup-storage/" + bs, Map.of());
        JsonNode img = created("/images", Map.of("name", "img", "url", "http://example.com/img.qcow2?size=" + GIB,
                "format", "qcow2", "mediaType", "RootVolumeTemplate", "backupStorageUuids", List.of(bs)));
        assertEquals("Ready", img.path("status").asText(), img.toString());
        image = img.path("uuid").asText();
        offering = instanceOffering("small", 1, GIB);
        l2 = created("/l2-networks/no-vlan", Map.of("name", "l2", "zoneUuid", zone, "physicalInterface", "eth0")).path("uuid").asText();
        created("/l2-networks/" + l2 + "/clusters/" + cluster, Map.of());
        l3 = created("/l3-networks", Map.of("name", "l3", "l2NetworkUuid", l2, "category", "Private")).path("uuid").asText();
        created("/l3-networks/" + l3 + "/ip-ranges", Map.of("name", "r", "startIp", "10.100.0.10", "endIp", "10.100.0.200",
                "netmask", "255.255.255.0", "gateway", "10.100.0.1"));
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The node answers once the kernel is up; the compute bundle's operations come a few seconds later. */
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

    private String addHost(String clusterUuid, String ip, int cpu, long memory) throws Exception {
        JsonNode h = created("/hosts/simulators", Map.of("name", unique("host"), "managementIp", ip, "clusterUuid", clusterUuid,
                "cpuCapacity", cpu, "memoryCapacity", memory));
        assertEquals("Connected", h.path("status").asText(), h.toString());
        return h.path("uuid").asText();
    }

    private String instanceOffering(String name, int cpu, long memory) throws Exception {
        return created("/instance-offerings", Map.of("name", name, "cpuNum", cpu, "memorySize", memory)).path("uuid").asText();
    }

    private Map<String, Object> vmParams(String name) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("instanceOfferingUuid", offering);
        p.put("imageUuid", image);
        p.put("l3NetworkUuids", List.of(l3));
        return p;
    }

    private Rest.Reply createVm(Map<String, Object> params, List<String> systemTags) throws Exception {
        return rest.awaitJob(rest.post("/vm-instances", params, systemTags, List.of()));
    }

    private JsonNode runningVm(String name, Object... extra) throws Exception {
        Map<String, Object> p = vmParams(name);
        for (int i = 0; i < extra.length; i += 2) {
            p.put((String) extra[i], extra[i + 1]);
        }
        Rest.Reply r = createVm(p, List.of());
        assertEquals(200, r.status(), r.raw());
        JsonNode vm = r.body().path("inventory");
        assertEquals("Running", vm.path("state").asText(), vm.toString());
        return vm;
    }

    private JsonNode vm(String uuid) throws Exception {
        Rest.Reply r = rest.get("/vm-instances/" + uuid);
        assertEquals(200, r.status(), r.raw());
        return r.body().path("inventories").path(0);
    }

    private JsonNode host(String uuid) throws Exception {
        return rest.get("/hosts/" + uuid).body().path("inventories").path(0);
    }

    private Rest.Reply action(String vmUuid, String key, Map<String, ?> params) throws Exception {
        return rest.awaitJob(rest.put("/vm-instances/" + vmUuid + "/actions", key, params));
    }

    private JsonNode acted(String vmUuid, String key, Map<String, ?> params, String expectedState) throws Exception {
        Rest.Reply r = action(vmUuid, key, params);
        assertEquals(200, r.status(), key + " " + r.raw());
        assertEquals(expectedState, vm(vmUuid).path("state").asText(), key);
        return r.body().path("inventory");
    }

    private long count(String path, String... conditions) throws Exception {
        List<String> q = new ArrayList<>();
        for (String c : conditions) {
            q.add("q");
            q.add(c);
        }
        q.add("count");
        q.add("true");
        Rest.Reply r = rest.get(path, q.toArray(String[]::new));
        assertEquals(200, r.status(), r.raw());
        return r.body().path("total").asLong();
    }

    private boolean ipAvailable(String l3Uuid, String ip) throws Exception {
        Rest.Reply r = rest.get("/l3-networks/" + l3Uuid + "/ip/" + ip + "/availability");
        assertEquals(200, r.status(), r.raw());
        return r.body().path("available").asBoolean();
    }

    private String firstFreeIp(String l3Uuid) throws Exception {
        return rest.get("/l3-networks/" + l3Uuid + "/ip/free", "limit", "1").body().path("inventories").path(0).path("ip").asText();
    }

    private void setConfig(String category, String name, String value) throws Exception {
        Rest.Reply r = rest.awaitJob(rest.put("/global-configurations/" + category + "/" + name + "/actions", "updateGlobalConfig",
                Map.of("value", value)));
        assertEquals(200, r.status(), r.raw());
    }

    private void simulator(String target, String call, int failures) throws Exception {
        Rest.Reply r = rest.put("/simulators/actions", "configureSimulator", Map.of("target", target, "call", call, "failures", failures));
        assertEquals(200, r.status(), r.raw());
    }

    /** What a failed create must leave unchanged: rows, host and storage capacity, the next free IP. */
    private record Snapshot(long vms, long volumes, long nics, Map<String, String> hostCapacity, long psAvailable, String freeIp) { }

    private Snapshot snapshot() throws Exception {
        Map<String, String> capacity = new HashMap<>();
        for (JsonNode h : rest.get("/hosts").body().path("inventories")) {
            capacity.put(h.path("uuid").asText(), h.path("availableCpuCapacity").asLong() + "/" + h.path("availableMemoryCapacity").asLong());
        }
        return new Snapshot(count("/vm-instances"), count("/volumes"), count("/vm-instances/nics"), capacity,
                rest.get("/primary-storage/" + ps).body().path("inventories").path(0).path("availableCapacity").asLong(),
                firstFreeIp(l3));
    }

    private void awaitState(String what, java.util.concurrent.Callable<String> read, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String seen = null;
        while (System.currentTimeMillis() < deadline) {
            seen = read.call();
            if (expected.equals(seen)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " stayed " + seen + ", expected " + expected);
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void aVmGoesThroughItsWholeLifecycle() throws Exception {
        Snapshot before = snapshot();
        JsonNode created = runningVm("life");
        String uuid = created.path("uuid").asText();
        String hostUuid = created.path("hostUuid").asText();
        assertTrue(hosts.contains(hostUuid), created.toString());
        assertEquals(cluster, created.path("clusterUuid").asText());
        assertEquals(1, created.path("vmNics").size(), created.toString());
        String ip = created.path("vmNics").path(0).path("ip").asText();
        assertTrue(ip.startsWith("10.100.0."), ip);
        assertEquals(l3, created.path("vmNics").path(0).path("l3NetworkUuid").asText());
        assertFalse(ipAvailable(l3, ip), "the VM's IP is taken");
        String root = created.path("rootVolumeUuid").asText();
        assertFalse(root.isEmpty(), created.toString());
        JsonNode volume = rest.get("/volumes/" + root).body().path("inventories").path(0);
        assertEquals("Root", volume.path("type").asText(), volume.toString());
        assertEquals(ps, volume.path("primaryStorageUuid").asText());
        assertEquals("Ready", volume.path("status").asText());
        JsonNode h = host(hostUuid);
        assertEquals(before.hostCapacity().get(hostUuid), (h.path("availableCpuCapacity").asLong() + 1) + "/"
                + (h.path("availableMemoryCapacity").asLong() + GIB), "the host's capacity is reserved");

        // query with a join through the NICs, and the NIC query
        JsonNode byIp = rest.get("/vm-instances", "q", "vmNics.ip=" + ip).body().path("inventories");
        assertEquals(1, byIp.size(), byIp.toString());
        assertEquals(uuid, byIp.path(0).path("uuid").asText());
        assertEquals(1, count("/vm-instances/nics", "ip=" + ip));

        Rest.Reply startRunning = rest.put("/vm-instances/" + uuid + "/actions", "startVmInstance", Map.of());
        assertEquals(409, startRunning.status(), startRunning.raw());
        assertEquals("SYS.1008", startRunning.errorCode());

        acted(uuid, "stopVmInstance", Map.of("type", "grace"), "Stopped");
        assertTrue(vm(uuid).path("hostUuid").isNull() || vm(uuid).path("hostUuid").isMissingNode(), vm(uuid).toString());
        assertEquals(before.hostCapacity().get(hostUuid), host(hostUuid).path("availableCpuCapacity").asLong() + "/"
                + host(hostUuid).path("availableMemoryCapacity").asLong(), "a stopped VM holds no host capacity");
        acted(uuid, "startVmInstance", Map.of(), "Running");
        assertFalse(vm(uuid).path("hostUuid").asText("").isEmpty());
        acted(uuid, "stopVmInstance", Map.of("type", "cold"), "Stopped");
        acted(uuid, "startVmInstance", Map.of(), "Running");
        acted(uuid, "rebootVmInstance", Map.of(), "Running");
        acted(uuid, "pauseVmInstance", Map.of(), "Paused");
        assertEquals(409, rest.put("/vm-instances/" + uuid + "/actions", "rebootVmInstance", Map.of()).status());
        acted(uuid, "resumeVmInstance", Map.of(), "Running");

        // destroy → recycle bin; recover → Stopped; destroy and expunge → gone, everything back
        Rest.Reply destroyed = rest.awaitJob(rest.delete("/vm-instances/" + uuid));
        assertEquals(200, destroyed.status(), destroyed.raw());
        assertEquals("Destroyed", vm(uuid).path("state").asText());
        assertFalse(ipAvailable(l3, ip), "a VM in the recycle bin keeps its IP");
        acted(uuid, "recoverVmInstance", Map.of(), "Stopped");
        assertEquals(ip, vm(uuid).path("vmNics").path(0).path("ip").asText(), "recovered exactly");
        assertEquals(200, rest.awaitJob(rest.delete("/vm-instances/" + uuid)).status());
        Rest.Reply expunged = action(uuid, "expungeVmInstance", Map.of());
        assertEquals(200, expunged.status(), expunged.raw());
        assertEquals(0, rest.get("/vm-instances/" + uuid).body().path("inventories").size());
        assertEquals(0, count("/volumes", "uuid=" + root));
        assertTrue(ipAvailable(l3, ip), "the IP is free again");
        assertEquals(before, snapshot(), "rows, capacity and IPs are back");

        // CreateStopped: volumes and NIC, no host
        Map<String, Object> p = vmParams("stopped");
        p.put("strategy", "CreateStopped");
        Rest.Reply r = createVm(p, List.of());
        assertEquals(200, r.status(), r.raw());
        JsonNode stopped = r.body().path("inventory");
        assertEquals("Stopped", stopped.path("state").asText(), stopped.toString());
        assertTrue(stopped.path("hostUuid").asText("").isEmpty(), stopped.toString());
        assertEquals(1, stopped.path("vmNics").size());
        assertFalse(stopped.path("rootVolumeUuid").asText("").isEmpty());
        assertEquals(before.hostCapacity(), snapshot().hostCapacity(), "a stopped VM reserves no host capacity");
        acted(stopped.path("uuid").asText(), "startVmInstance", Map.of(), "Running");
        expunge(stopped.path("uuid").asText());
    }

    private void expunge(String vmUuid) throws Exception {
        Rest.Reply d = rest.awaitJob(rest.delete("/vm-instances/" + vmUuid));
        assertEquals(200, d.status(), d.raw());
        Rest.Reply e = action(vmUuid, "expungeVmInstance", Map.of());
        assertEquals(200, e.status(), e.raw());
    }

    @Test
    @Order(2)
    void badInputIsRefusedAndWritesNothing() throws Exception {
        Snapshot before = snapshot();
        Object[][] table = {
                {"instanceOfferingUuid", MISSING, 404, "SYS.1006"},
                {"imageUuid", MISSING, 404, "SYS.1006"},
                {"l3NetworkUuids", List.of(MISSING), 404, "SYS.1006"},
                {"clusterUuid", MISSING, 404, "SYS.1006"},
                {"hostUuid", MISSING, 404, "SYS.1006"},
                {"instanceOfferingUuid", "not-a-uuid", 400, "SYS.1007"},
                {"strategy", "Sometime", 400, "SYS.1007"},
        };
        for (Object[] row : table) {
            Map<String, Object> p = vmParams("bad");
            p.put((String) row[0], row[1]);
            Rest.Reply r = rest.post("/vm-instances", p, List.of(), List.of());
            assertEquals(row[2], r.status(), row[0] + "=" + row[1] + " -> " + r.raw());
            assertEquals(row[3], r.errorCode(), r.raw());
        }
        Map<String, Object> noName = vmParams("x");
        noName.remove("name");
        assertEquals(400, rest.post("/vm-instances", noName, List.of(), List.of()).status());
        assertEquals(before, snapshot(), "nothing written");

        // no host is big enough
        String huge = instanceOffering("huge", 2, 512 * GIB);
        Map<String, Object> p = vmParams("huge");
        p.put("instanceOfferingUuid", huge);
        Rest.Reply tooBig = createVm(p, List.of());
        assertEquals(409, tooBig.status(), tooBig.raw());
        assertEquals("ALLOC.1001", tooBig.errorCode(), tooBig.raw());
        assertEquals(before, snapshot(), "nothing left by the refused placement");

        // a static IP already taken
        JsonNode first = runningVm("static-1");
        String taken = first.path("vmNics").path(0).path("ip").asText();
        Snapshot withFirst = snapshot();
        Rest.Reply dup = createVm(vmParams("static-2"), List.of("staticIp::" + l3 + "::" + taken));
        assertTrue(dup.status() >= 400 && dup.status() < 500, dup.raw());
        assertTrue(dup.raw().contains(taken), "names the address: " + dup.raw());
        assertEquals(withFirst, snapshot(), "nothing written");
        // a free static IP is honoured
        Rest.Reply fixed = createVm(vmParams("static-3"), List.of("staticIp::" + l3 + "::10.100.0.150"));
        assertEquals(200, fixed.status(), fixed.raw());
        assertEquals("10.100.0.150", fixed.body().path("inventory").path("vmNics").path(0).path("ip").asText());
        expunge(first.path("uuid").asText());
        expunge(fixed.body().path("inventory").path("uuid").asText());
        assertEquals(before, snapshot());
    }

    @Test
    @Order(3)
    void aFailureAtEachCreateStepRollsEverythingBack() throws Exception {
        String disk = created("/disk-offerings", Map.of("name", "d", "diskSize", GIB)).path("uuid").asText();
        Object[][] injections = {
                {"createRootVolume", "create-root-volume"},
                {"createDataVolume", "create-data-volumes"},
                {"startVm", "start-on-hypervisor"},
        };
        for (Object[] injection : injections) {
            Snapshot before = snapshot();
            simulator("all", (String) injection[0], 1);
            Map<String, Object> p = vmParams("fail-" + injection[0]);
            p.put("dataDiskOfferingUuids", List.of(disk));
            Rest.Reply r = createVm(p, List.of());
            assertEquals(503, r.status(), injection[0] + ": " + r.raw());
            String details = r.body().path("error").path("details").asText();
            assertTrue(details.contains("step '" + injection[1] + "'"), details);
            assertTrue(details.contains("simulated failure of " + injection[0]), details);
            assertEquals(before, snapshot(), "nothing leaks after a failure of " + injection[0]);
        }
        // the kernel's own steps, failed by the simulator's job step interceptor before they run
        for (String step : List.of("persist-vm", "allocate-host", "allocate-primary-storage", "allocate-nics", "announce")) {
            Snapshot before = snapshot();
            Rest.Reply armed = rest.put("/simulators/actions", "failJobStep", Map.of("operation", "CreateVmInstance", "step", step));
            assertEquals(200, armed.status(), armed.raw());
            Map<String, Object> p = vmParams("fail-" + step);
            p.put("dataDiskOfferingUuids", List.of(disk));
            Rest.Reply r = createVm(p, List.of());
            assertEquals(503, r.status(), step + ": " + r.raw());
            String details = r.body().path("error").path("details").asText();
            assertTrue(details.contains("step '" + step + "'") && details.contains("simulated failure of step " + step), details);
            assertEquals(before, snapshot(), "nothing leaks after a failure of step " + step);
        }
        assertEquals(200, rest.put("/simulators/actions", "resetSimulator", Map.of()).status());

        // IP exhaustion: an L3 with a single address
        String tiny = created("/l3-networks", Map.of("name", "tiny", "l2NetworkUuid", l2)).path("uuid").asText();
        created("/l3-networks/" + tiny + "/ip-ranges", Map.of("name", "one", "startIp", "10.101.0.10", "endIp", "10.101.0.10",
                "netmask", "255.255.255.0", "gateway", "10.101.0.1"));
        Map<String, Object> p = vmParams("tiny-1");
        p.put("l3NetworkUuids", List.of(tiny));
        Rest.Reply firstOnTiny = createVm(p, List.of());
        assertEquals(200, firstOnTiny.status(), firstOnTiny.raw());
        Snapshot before = snapshot();
        p.put("name", "tiny-2");
        p.put("l3NetworkUuids", List.of(l3, tiny));
        Rest.Reply exhausted = createVm(p, List.of());
        assertEquals(503, exhausted.status(), "a job failure: " + exhausted.raw());
        assertEquals("ALLOC.1001", exhausted.errorCode(), exhausted.raw());
        assertTrue(exhausted.body().path("error").path("details").asText().contains("step 'allocate-nics'"), exhausted.raw());
        assertEquals(before, snapshot(), "the IP taken on the first L3 is released");
        expunge(firstOnTiny.body().path("inventory").path("uuid").asText());
        assertTrue(ipAvailable(tiny, "10.101.0.10"));
    }

    @Test
    @Order(4)
    void concurrentCreatesNeverOverAllocateAHost() throws Exception {
        String c2 = created("/clusters", Map.of("zoneUuid", zone, "name", unique("c2"), "hypervisorType", "Simulator")).path("uuid").asText();
        // about 32 VMs fit on these two hosts; 200 creates race for them
        List<String> small = List.of(addHost(c2, "10.30.1.1", 2, 16 * GIB), addHost(c2, "10.30.1.2", 2, 16 * GIB));
        created("/clusters/" + c2 + "/primary-storage/" + ps, Map.of());
        created("/l2-networks/" + l2 + "/clusters/" + c2, Map.of());
        int fit = 0;
        for (String h : small) {
            JsonNode inv = host(h);
            fit += (int) Math.min(inv.path("availableCpuCapacity").asLong(), inv.path("availableMemoryCapacity").asLong() / GIB);
        }
        assertTrue(fit >= 2, "the hosts take some VMs: " + fit);
        int attempts = 200;
        assertTrue(fit < attempts, "more creates than places: " + fit);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Future<Rest.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                Map<String, Object> p = vmParams("race-" + i);
                p.put("clusterUuid", c2);
                replies.add(pool.submit(() -> createVm(p, List.of())));
            }
            int ok = 0;
            Set<String> ips = new HashSet<>();
            for (Future<Rest.Reply> f : replies) {
                Rest.Reply r = f.get();
                if (r.status() == 200) {
                    ok++;
                    assertTrue(small.contains(r.body().path("inventory").path("hostUuid").asText()), r.raw());
                    assertTrue(ips.add(r.body().path("inventory").path("vmNics").path(0).path("ip").asText()), "distinct IPs");
                } else {
                    // refused at once (409) when the hosts were already full, or a lost race in the job (503)
                    assertTrue(r.status() == 409 || r.status() == 503, r.raw());
                    assertEquals("ALLOC.1001", r.errorCode(), r.raw());
                }
            }
            assertEquals(fit, ok, "exactly the VMs that fit are created");
        } finally {
            pool.shutdownNow();
        }
        for (String h : small) {
            JsonNode inv = host(h);
            long cpu = 0;
            long memory = 0;
            for (JsonNode vm : rest.get("/vm-instances", "q", "hostUuid=" + h).body().path("inventories")) {
                cpu += vm.path("cpuNum").asLong();
                memory += vm.path("memorySize").asLong();
            }
            assertTrue(cpu <= inv.path("totalCpuCapacity").asLong(), inv.toString());
            assertTrue(memory <= inv.path("totalMemoryCapacity").asLong(), inv.toString());
            assertTrue(inv.path("availableCpuCapacity").asLong() >= 0, inv.toString());
            assertTrue(inv.path("availableMemoryCapacity").asLong() >= 0, inv.toString());
        }
        assertEquals(fit, count("/vm-instances", "clusterUuid=" + c2));
        for (String vm : uuidsIn(c2)) {
            assertEquals(1, count("/volumes", "vmInstanceUuid=" + vm), "one root volume per VM");
            expunge(vm);
        }
    }

    private List<String> uuidsIn(String clusterUuid) throws Exception {
        List<String> out = new ArrayList<>();
        rest.get("/vm-instances", "q", "clusterUuid=" + clusterUuid).body().path("inventories").forEach(v -> out.add(v.path("uuid").asText()));
        return out;
    }

    @Test
    @Order(5)
    void aRunningVmIsLiveMigratedAndAFailedMigrationLeavesItWhereItWas() throws Exception {
        String source = hosts.get(0);
        String target = hosts.get(1);
        String uuid = runningVm("mig", "hostUuid", source).path("uuid").asText();
        long sourceFree = host(source).path("availableMemoryCapacity").asLong();
        long targetFree = host(target).path("availableMemoryCapacity").asLong();
        long memory = vm(uuid).path("memorySize").asLong();

        simulator(source, "migrateVm", 1);
        Rest.Reply failed = action(uuid, "migrateVm", Map.of("hostUuid", target));
        assertNotEquals(200, failed.status(), failed.raw());
        assertTrue(failed.raw().contains("migrate-on-hypervisor"), "the error names the step: " + failed.raw());
        assertEquals(source, vm(uuid).path("hostUuid").asText());
        assertEquals("Running", vm(uuid).path("state").asText());
        assertEquals(targetFree, host(target).path("availableMemoryCapacity").asLong(), "the target's reservation was returned");

        JsonNode moved = acted(uuid, "migrateVm", Map.of("hostUuid", target), "Running");
        assertEquals(target, vm(uuid).path("hostUuid").asText(), moved.toString());
        assertEquals(source, vm(uuid).path("lastHostUuid").asText());
        assertEquals(sourceFree + memory, host(source).path("availableMemoryCapacity").asLong(), "the source is freed");
        assertEquals(targetFree - memory, host(target).path("availableMemoryCapacity").asLong(), "the target holds it");
        expunge(uuid);
    }

    @Test
    @Order(6)
    void maintenanceMovesTheVmsOfAHostElsewhere() throws Exception {
        String target = hosts.get(0);
        List<String> vms = List.of(runningVm("m-1", "hostUuid", target).path("uuid").asText(),
                runningVm("m-2", "hostUuid", target).path("uuid").asText());
        Rest.Reply maintained = rest.awaitJob(rest.put("/hosts/" + target + "/actions", "changeHostState", Map.of("stateEvent", "maintain")));
        assertEquals(200, maintained.status(), maintained.raw());
        assertEquals("Maintenance", host(target).path("state").asText());
        for (String uuid : vms) {
            JsonNode vm = vm(uuid);
            assertEquals("Running", vm.path("state").asText(), vm.toString());
            assertNotEquals(target, vm.path("hostUuid").asText(), vm.toString());
            assertEquals("Connected", host(vm.path("hostUuid").asText()).path("status").asText(), vm.toString());
        }
        assertEquals(0, count("/vm-instances", "hostUuid=" + target));
        JsonNode emptied = host(target);
        assertEquals(emptied.path("totalCpuCapacity").asLong(), emptied.path("availableCpuCapacity").asLong(), emptied.toString());
        Rest.Reply enabled = rest.awaitJob(rest.put("/hosts/" + target + "/actions", "changeHostState", Map.of("stateEvent", "enable")));
        assertEquals(200, enabled.status(), enabled.raw());
        for (String uuid : vms) {
            expunge(uuid);
        }
    }

    @Test
    @Order(7)
    void aDisconnectedHostsVmsAreUnknownThenResynced() throws Exception {
        setConfig("host", "ping.interval", "1");
        setConfig("host", "ping.maxFailure", "2");
        try {
            // a network partition: pings fail, the VMs keep running; one is killed meanwhile
            String partitioned = hosts.get(1);
            List<String> vms = List.of(runningVm("p-1", "hostUuid", partitioned).path("uuid").asText(),
                    runningVm("p-2", "hostUuid", partitioned).path("uuid").asText());
            simulator(partitioned, "ping", -1);
            awaitState("host", () -> host(partitioned).path("status").asText(), "Disconnected");
            for (String uuid : vms) {
                awaitState("VM " + uuid, () -> vm(uuid).path("state").asText(), "Unknown");
            }
            assertEquals(200, rest.put("/vm-instances/" + vms.get(0) + "/actions", "killSimulatorVm", Map.of()).status());
            simulator(partitioned, "ping", 0);
            awaitState("host", () -> host(partitioned).path("status").asText(), "Connected");
            awaitState("killed VM", () -> vm(vms.get(0)).path("state").asText(), "Stopped");
            awaitState("other VM", () -> vm(vms.get(1)).path("state").asText(), "Running");
            assertEquals(partitioned, vm(vms.get(1)).path("hostUuid").asText());

            // a power cut: the host's VMs stop with it
            String off = hosts.get(2);
            List<String> offVms = List.of(runningVm("o-1", "hostUuid", off).path("uuid").asText(),
                    runningVm("o-2", "hostUuid", off).path("uuid").asText());
            assertEquals(200, rest.put("/hosts/" + off + "/actions", "powerOffSimulatorHost", Map.of()).status());
            awaitState("host", () -> host(off).path("status").asText(), "Disconnected");
            for (String uuid : offVms) {
                awaitState("VM " + uuid, () -> vm(uuid).path("state").asText(), "Unknown");
            }
            rest.put("/vm-instances/" + offVms.get(0) + "/actions", "killSimulatorVm", Map.of());
            assertEquals(200, rest.put("/hosts/" + off + "/actions", "powerOnSimulatorHost", Map.of()).status());
            awaitState("host", () -> host(off).path("status").asText(), "Connected");
            for (String uuid : offVms) {
                awaitState("VM " + uuid + " after a power cut", () -> vm(uuid).path("state").asText(), "Stopped");
            }
            assertEquals(0, count("/vm-instances", "hostUuid=" + off), "stopped VMs leave the host");
            JsonNode released = host(off);
            assertEquals(released.path("totalMemoryCapacity").asLong(), released.path("availableMemoryCapacity").asLong(), released.toString());
            for (String uuid : offVms) {
                acted(uuid, "startVmInstance", Map.of(), "Running");
            }
            for (String uuid : List.of(vms.get(0), vms.get(1), offVms.get(0), offVms.get(1))) {
                expunge(uuid);
            }
        } finally {
            rest.put("/simulators/actions", "resetSimulator", Map.of());
            setConfig("host", "ping.interval", "60");
            setConfig("host", "ping.maxFailure", "3");
        }
    }

    @Test
    @Order(8)
    void placementNeedsAReadableImageAndEnabledZoneAndClusters() throws Exception {
        Snapshot before = snapshot();
        // the image's only backup storage leaves the zone: nothing can read the image there
        assertEquals(200, rest.awaitJob(rest.delete("/zones/" + zone + "/backup-storage/" + bs)).status());
        try {
            Rest.Reply noImage = rest.post("/vm-instances", vmParams("no-image"), List.of(), List.of());
            assertEquals(409, noImage.status(), noImage.raw());
            assertTrue(noImage.raw().contains("backup storage"), "says what to attach: " + noImage.raw());
            assertEquals(before, snapshot(), "nothing written");
        } finally {
            created("/zones/" + zone + "/backup-storage/" + bs, Map.of());
        }
        // a disabled zone takes no new VMs, and says so
        assertEquals(200, rest.awaitJob(rest.put("/zones/" + zone + "/actions", "changeZoneState", Map.of("stateEvent", "disable"))).status());
        try {
            Rest.Reply disabled = rest.post("/vm-instances", vmParams("zone-off"), List.of(), List.of());
            assertEquals(409, disabled.status(), disabled.raw());
            assertEquals("ALLOC.1001", disabled.errorCode(), disabled.raw());
            assertTrue(disabled.raw().contains("zone state filter"), disabled.raw());
        } finally {
            assertEquals(200, rest.awaitJob(rest.put("/zones/" + zone + "/actions", "changeZoneState", Map.of("stateEvent", "enable"))).status());
        }
        // an aarch64 image finds no x86_64 host
        String arm = created("/images", Map.of("name", "arm", "url", "http://example.com/arm.qcow2?size=" + GIB, "format", "qcow2",
                "mediaType", "RootVolumeTemplate", "architecture", "aarch64", "backupStorageUuids", List.of(bs))).path("uuid").asText();
        Map<String, Object> onArm = vmParams("arm");
        onArm.put("imageUuid", arm);
        Rest.Reply noArm = rest.post("/vm-instances", onArm, List.of(), List.of());
        assertEquals(409, noArm.status(), noArm.raw());
        assertTrue(noArm.raw().contains("architecture filter"), noArm.raw());
        assertEquals(before, snapshot());
    }

    @Test
    @Order(9)
    void deletingAHostWithVmsIsRefusedUnlessEnforcedWhichStopsThem() throws Exception {
        String extra = addHost(cluster, "10.30.2.1", 4, 8 * GIB);
        String vmUuid = runningVm("on-extra", "hostUuid", extra).path("uuid").asText();
        Rest.Reply refused = rest.delete("/hosts/" + extra);
        assertEquals(409, refused.status(), refused.raw());
        assertTrue(refused.raw().contains(vmUuid), "names the VM: " + refused.raw());
        assertEquals("Running", vm(vmUuid).path("state").asText(), "nothing changed");

        Rest.Reply enforced = rest.awaitJob(rest.delete("/hosts/" + extra + "?deleteMode=Enforcing"));
        assertEquals(200, enforced.status(), enforced.raw());
        assertEquals(0, count("/hosts", "uuid=" + extra));
        JsonNode stopped = vm(vmUuid);
        assertEquals("Stopped", stopped.path("state").asText(), stopped.toString());
        assertTrue(stopped.path("hostUuid").asText("").isEmpty(), stopped.toString());
        acted(vmUuid, "startVmInstance", Map.of(), "Running");
        String now = vm(vmUuid).path("hostUuid").asText("");
        assertFalse(now.isEmpty() || now.equals(extra), "started again on a remaining host: " + now);
        expunge(vmUuid);
    }

    @Test
    @Order(10)
    void theShellDrivesTheSameVmOperations() throws Exception {
        String name = unique("shell-vm");
        String out = node.shell("kumo:create-vm-instance --name " + name + " --instanceOfferingUuid " + offering
                + " --imageUuid " + image + " --l3NetworkUuids " + l3);
        assertTrue(out.contains(name) && out.contains("Running"), out);
        JsonNode viaRest = rest.get("/vm-instances", "q", "name=" + name).body().path("inventories");
        assertEquals(1, viaRest.size(), "the shell's VM is visible over REST: " + out);
        String uuid = viaRest.path(0).path("uuid").asText();
        String table = node.shell("kumo:query-vm-instance --q name=" + name);
        assertTrue(table.contains(uuid), table);
        String refused = node.shell("kumo:start-vm-instance --uuid " + uuid);
        assertTrue(refused.contains("SYS.1008") || refused.contains("Running"), "a running VM cannot start: " + refused);
        assertFalse(refused.contains("\tat "), "no stack trace: " + refused);
        String stopped = node.shell("kumo:stop-vm-instance --uuid " + uuid + " --type cold");
        assertTrue(stopped.contains("Stopped"), stopped);
        assertEquals("Stopped", vm(uuid).path("state").asText());
        expunge(uuid);
    }
}
