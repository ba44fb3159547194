package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Volumes over REST on a real node with the simulator's backends: data volumes created, attached to running and
 * stopped VMs, detached, resized, snapshotted and reverted, deleted, recovered and expunged with the primary storage's
 * capacity back exactly; failures injected into backend calls and kernel steps roll back; bad input is refused with
 * codes; a backend call declared unsupported answers SYS.1014; host-local primary storage sums its hosts' capacity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VolumeIT {
    private static final long GIB = 1L << 30;
    private static final String MISSING = "0123456789abcdef0123456789abcdef";
    private KumoNode node;
    private Rest rest;
    private String zone;
    private String cluster;
    private String ps;
    private String otherPs;
    private String image;
    private String offering;
    private String disk;
    private String l3;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("volume").start();
        rest = node.rest().login();
        awaitApi("/volumes");
        awaitApi("/volume-snapshots");
        zone = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
        cluster = created("/clusters", Map.of("zoneUuid", zone, "name", unique("c"), "hypervisorType", "Simulator")).path("uuid").asText();
        addHost(cluster, "10.40.0.1");
        addHost(cluster, "10.40.0.2");
        ps = created("/primary-storage/simulators", Map.of("name", "ps", "url", "/sim/ps", "zoneUuid", zone,
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        created("/clusters/" + cluster + "/primary-storage/" + ps, Map.of());
        otherPs = created("/primary-storage/simulators", Map.of("name", "ps2", "url", "/sim/ps2", "zoneUuid", zone,
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        String bs = created("/backup-storage/simulators", Map.of("name", "bs", "url", "/sim/bs",
                "totalCapacity", 1024 * GIB, "availableCapacity", 1024 * GIB)).path("uuid").asText();
        created("/zones/" + zone + "/backup-storage/" + bs, Map.of());
        image = created("/images", Map.of("name", "img", "url", "http://example.com/img.qcow2?size=" + GIB,
                "format", "qcow2", "mediaType", "RootVolumeTemplate", "backupStorageUuids", List.of(bs))).path("uuid").asText();
        offering = created("/instance-offerings", Map.of("name", "small", "cpuNum", 1, "memorySize", GIB)).path("uuid").asText();
        disk = created("/disk-offerings", Map.of("name", "d10", "diskSize", 10 * GIB)).path("uuid").asText();
        String l2 = created("/l2-networks/no-vlan", Map.of("name", "l2", "zoneUuid", zone, "physicalInterface", "eth0")).path("uuid").asText();
        created("/l2-networks/" + l2 + "/clusters/" + cluster, Map.of());
        l3 = created("/l3-networks", Map.of("name", "l3", "l2NetworkUuid", l2, "category", "Private")).path("uuid").asText();
        created("/l3-networks/" + l3 + "/ip-ranges", Map.of("name", "r", "startIp", "10.110.0.10", "endIp", "10.110.0.200",
                "netmask", "255.255.255.0", "gateway", "10.110.0.1"));
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @AfterEach
    void reset() throws Exception {
        assertEquals(200, rest.put("/simulators/actions", "resetSimulator", Map.of()).status());
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
        return ok(rest.awaitJob(rest.post(path, params, List.of(), List.of())), path).path("inventory");
    }

    private static JsonNode ok(Rest.Reply r, String what) {
        assertEquals(200, r.status(), what + " " + r.raw());
        return r.body();
    }

    private static void refused(Rest.Reply r, int status, String code, String what) {
        assertEquals(status, r.status(), what + " " + r.raw());
        assertEquals(code, r.errorCode(), what + " " + r.raw());
    }

    private String addHost(String clusterUuid, String ip) throws Exception {
        JsonNode h = created("/hosts/simulators", Map.of("name", unique("host"), "managementIp", ip, "clusterUuid", clusterUuid,
                "cpuCapacity", 8, "memoryCapacity", 16 * GIB));
        assertEquals("Connected", h.path("status").asText(), h.toString());
        return h.path("uuid").asText();
    }

    private JsonNode vm(String name, boolean running) throws Exception {
        Map<String, Object> p = new HashMap<>(Map.of("name", name, "instanceOfferingUuid", offering, "imageUuid", image,
                "l3NetworkUuids", List.of(l3)));
        if (!running) {
            p.put("strategy", "CreateStopped");
        }
        JsonNode vm = created("/vm-instances", p);
        assertEquals(running ? "Running" : "Stopped", vm.path("state").asText(), vm.toString());
        return vm;
    }

    private String vmState(String uuid) throws Exception {
        return rest.get("/vm-instances/" + uuid).body().path("inventories").path(0).path("state").asText();
    }

    private Rest.Reply vmAction(String uuid, String key) throws Exception {
        return rest.awaitJob(rest.put("/vm-instances/" + uuid + "/actions", key, Map.of()));
    }

    private Rest.Reply createVolume(Map<String, ?> params, List<String> systemTags) throws Exception {
        return rest.awaitJob(rest.post("/volumes/data", params, systemTags, List.of()));
    }

    private String newVolume(String name) throws Exception {
        return ok(createVolume(Map.of("name", name, "diskOfferingUuid", disk), List.of()), name).path("inventory").path("uuid").asText();
    }

    private JsonNode volume(String uuid) throws Exception {
        return rest.get("/volumes/" + uuid).body().path("inventories").path(0);
    }

    private Rest.Reply attach(String volumeUuid, String vmUuid) throws Exception {
        return rest.awaitJob(rest.post("/volumes/" + volumeUuid + "/vm-instances/" + vmUuid, Map.of(), List.of(), List.of()));
    }

    private Rest.Reply detach(String volumeUuid, String vmUuid) throws Exception {
        return rest.awaitJob(rest.delete("/volumes/" + volumeUuid + "/vm-instances" + (vmUuid == null ? "" : "?vmUuid=" + vmUuid)));
    }

    private Rest.Reply volumeAction(String path, String key, Map<String, ?> params) throws Exception {
        return rest.awaitJob(rest.put(path, key, params));
    }

    private Rest.Reply snapshot(String volumeUuid, String name) throws Exception {
        return rest.awaitJob(rest.post("/volumes/" + volumeUuid + "/volume-snapshots", Map.of("name", name), List.of(), List.of()));
    }

    private long available(String psUuid) throws Exception {
        return rest.get("/primary-storage/" + psUuid).body().path("inventories").path(0).path("availableCapacity").asLong();
    }

    private long count(String path, String condition) throws Exception {
        return rest.get(path, "q", condition, "count", "true").body().path("total").asLong();
    }

    private void simulator(Map<String, Object> params) throws Exception {
        Rest.Reply r = rest.put("/simulators/actions", "configureSimulator", params);
        assertEquals(200, r.status(), r.raw());
    }

    private void failStep(String operation, String step) throws Exception {
        Rest.Reply r = rest.put("/simulators/actions", "failJobStep", Map.of("operation", operation, "step", step));
        assertEquals(200, r.status(), r.raw());
    }

    private static boolean absent(JsonNode field) { return field.isMissingNode() || field.isNull(); }

    private void expungeVm(String uuid) throws Exception {
        ok(rest.awaitJob(rest.delete("/vm-instances/" + uuid)), "destroy");
        ok(vmAction(uuid, "expungeVmInstance"), "expunge");
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void aDataVolumeGoesThroughItsWholeLifecycle() throws Exception {
        JsonNode running = vm("running", true);
        String runningVm = running.path("uuid").asText();
        long before = available(ps);

        // created NotInstantiated: no storage used until attached; virtio-scsi gets a WWN tag
        Rest.Reply made = createVolume(Map.of("name", "data1", "diskOfferingUuid", disk), List.of("capability::virtio-scsi"));
        JsonNode v = ok(made, "create").path("inventory");
        String uuid = v.path("uuid").asText();
        assertEquals("NotInstantiated", v.path("status").asText(), v.toString());
        assertEquals("Enabled", v.path("state").asText());
        assertEquals("Data", v.path("type").asText());
        assertEquals(10 * GIB, v.path("size").asLong());
        assertTrue(absent(v.path("primaryStorageUuid")), v.toString());
        assertEquals(before, available(ps), "a NotInstantiated volume holds no storage");
        JsonNode tags = rest.get("/system-tags", "q", "resourceUuid=" + uuid).body().path("inventories");
        List<String> texts = new ArrayList<>();
        tags.forEach(t -> texts.add(t.path("tag").asText()));
        assertTrue(texts.contains("capability::virtio-scsi"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.matches("kvm::volume::0x[0-9a-f]{16}")), texts.toString());

        // attached to a running VM: instantiated on the VM's storage, hot-plugged at device 1
        JsonNode attached = ok(attach(uuid, runningVm), "attach").path("inventory");
        assertEquals(runningVm, attached.path("vmInstanceUuid").asText(), attached.toString());
        assertEquals(1, attached.path("deviceId").asInt());
        assertEquals("Ready", attached.path("status").asText());
        assertEquals(ps, attached.path("primaryStorageUuid").asText());
        assertFalse(attached.path("installPath").asText("").isEmpty());
        assertEquals(before - 10 * GIB, available(ps), "its size is reserved");
        refused(attach(uuid, runningVm), 409, "SYS.1009", "attached twice");
        JsonNode onVm = rest.get("/vm-instances/" + runningVm).body().path("inventories").path(0);
        assertTrue(onVm.toString().contains(uuid), "the VM lists its data volume: " + onVm);

        // snapshots only of a volume no running VM writes to
        Rest.Reply whileRunning = snapshot(uuid, "s0");
        refused(whileRunning, 409, "SYS.1008", "snapshot while running");
        assertTrue(whileRunning.raw().contains("stop VM " + runningVm), whileRunning.raw());

        // detached (the VM checked), then attached to a stopped VM, which starts with it
        refused(detach(uuid, MISSING), 400, "SYS.1007", "detach from another VM");
        JsonNode detached = ok(detach(uuid, runningVm), "detach").path("inventory");
        assertTrue(absent(detached.path("vmInstanceUuid")), detached.toString());
        assertEquals("Ready", detached.path("status").asText(), "it keeps its data");
        refused(detach(uuid, null), 409, "SYS.1008", "detach a detached volume");
        JsonNode stopped = vm("stopped", false);
        String stoppedVm = stopped.path("uuid").asText();
        assertEquals(stoppedVm, ok(attach(uuid, stoppedVm), "attach stopped").path("inventory").path("vmInstanceUuid").asText());
        ok(vmAction(stoppedVm, "startVmInstance"), "start with the volume");
        assertEquals("Running", vmState(stoppedVm));
        ok(vmAction(stoppedVm, "stopVmInstance"), "stop");

        // snapshots on the stopped VM's volume: create, list, rename, revert, delete
        String s1 = ok(snapshot(uuid, "s1"), "snapshot 1").path("inventory").path("uuid").asText();
        JsonNode s2 = ok(snapshot(uuid, "s2"), "snapshot 2").path("inventory");
        assertEquals(s1, s2.path("parentUuid").asText(), s2.toString());
        assertTrue(s2.path("latest").asBoolean());
        assertEquals(uuid, s2.path("volumeUuid").asText());
        assertEquals(2, count("/volume-snapshots", "volumeUuid=" + uuid));
        assertFalse(rest.get("/volume-snapshots/" + s1).body().path("inventories").path(0).path("latest").asBoolean());
        JsonNode renamed = ok(volumeAction("/volume-snapshots/" + s1 + "/actions", "updateVolumeSnapshot",
                Map.of("name", "first")), "rename").path("inventory");
        assertEquals("first", renamed.path("name").asText());
        ok(volumeAction("/volume-snapshots/" + s1 + "/actions", "revertVolumeFromSnapshot", Map.of()), "revert");
        ok(rest.awaitJob(rest.delete("/volume-snapshots/" + s2.path("uuid").asText())), "delete snapshot");
        assertEquals(1, count("/volume-snapshots", "volumeUuid=" + uuid));
        assertTrue(rest.get("/volume-snapshots/" + s1).body().path("inventories").path(0).path("latest").asBoolean(),
                "the parent is the latest again");
        ok(vmAction(stoppedVm, "startVmInstance"), "start");
        refused(volumeAction("/volume-snapshots/" + s1 + "/actions", "revertVolumeFromSnapshot", Map.of()), 409, "SYS.1008",
                "revert while running");
        refused(rest.awaitJob(rest.delete("/volume-snapshots/" + s1)), 409, "SYS.1008", "delete snapshot while running");

        // resize: grow (capacity taken), never shrink
        long beforeGrow = available(ps);
        JsonNode grown = ok(volumeAction("/volumes/data/resize/" + uuid + "/actions", "resizeDataVolume",
                Map.of("size", 11 * GIB)), "grow").path("inventory");
        assertEquals(11 * GIB, grown.path("size").asLong());
        assertEquals(beforeGrow - GIB, available(ps));
        refused(volumeAction("/volumes/data/resize/" + uuid + "/actions", "resizeDataVolume", Map.of("size", 5 * GIB)),
                400, "SYS.1007", "shrink");
        refused(volumeAction("/volumes/resize/" + uuid + "/actions", "resizeRootVolume", Map.of("size", 20 * GIB)),
                400, "SYS.1007", "a data volume through ResizeRootVolume");
        String root = running.path("rootVolumeUuid").asText();
        long beforeRoot = available(ps);
        assertEquals(2 * GIB, ok(volumeAction("/volumes/resize/" + root + "/actions", "resizeRootVolume",
                Map.of("size", 2 * GIB)), "grow root").path("inventory").path("size").asLong());
        assertEquals(beforeRoot - GIB, available(ps));

        // delete: Permissive refuses while attached; Enforcing detaches; recover; delete; expunge
        refused(rest.awaitJob(rest.delete("/volumes/" + uuid)), 409, "SYS.1009", "delete while attached");
        ok(rest.awaitJob(rest.delete("/volumes/" + uuid + "?deleteMode=Enforcing")), "delete enforcing");
        JsonNode deleted = volume(uuid);
        assertEquals("Deleted", deleted.path("status").asText(), deleted.toString());
        assertTrue(absent(deleted.path("vmInstanceUuid")), deleted.toString());
        refused(attach(uuid, stoppedVm), 409, "SYS.1008", "attach a deleted volume");
        refused(rest.awaitJob(rest.delete("/volumes/" + uuid)), 409, "SYS.1008", "delete twice");
        assertEquals("Ready", ok(volumeAction("/volumes/" + uuid + "/actions", "recoverDataVolume", Map.of()), "recover")
                .path("inventory").path("status").asText());
        refused(volumeAction("/volumes/" + uuid + "/actions", "expungeDataVolume", Map.of()), 409, "SYS.1008",
                "expunge a live volume");
        ok(rest.awaitJob(rest.delete("/volumes/" + uuid)), "delete");
        ok(volumeAction("/volumes/" + uuid + "/actions", "expungeDataVolume", Map.of()), "expunge");
        assertEquals(0, count("/volumes", "uuid=" + uuid));
        assertEquals(0, count("/volume-snapshots", "volumeUuid=" + uuid), "its snapshots went with it");
        expungeVm(runningVm);
        expungeVm(stoppedVm);
        assertEquals(before + GIB, available(ps), "capacity back exactly (the first VM's 1 GiB root volume went too)");
    }

    @Test
    @Order(2)
    void aDataVolumeCreatedOnStorageIsReadyAtOnce() throws Exception {
        long before = available(ps);
        JsonNode v = ok(createVolume(Map.of("name", "ready", "diskSize", 3 * GIB, "primaryStorageUuid", ps), List.of()),
                "create on storage").path("inventory");
        assertEquals("Ready", v.path("status").asText(), v.toString());
        assertEquals(ps, v.path("primaryStorageUuid").asText());
        assertEquals(before - 3 * GIB, available(ps));
        String uuid = v.path("uuid").asText();
        // a volume on another primary storage than the VM's is refused
        String elsewhere = ok(createVolume(Map.of("name", "elsewhere", "diskSize", GIB, "primaryStorageUuid", otherPs),
                List.of()), "create on ps2").path("inventory").path("uuid").asText();
        String vmUuid = vm("target", true).path("uuid").asText();
        Rest.Reply wrongStorage = attach(elsewhere, vmUuid);
        refused(wrongStorage, 409, "SYS.1008", "volume on another storage");
        assertTrue(wrongStorage.raw().contains(otherPs) && wrongStorage.raw().contains(ps), wrongStorage.raw());
        ok(attach(uuid, vmUuid), "attach a Ready volume");
        assertEquals(before - 3 * GIB - GIB, available(ps), "no second reservation (the VM's root volume took 1 GiB)");
        ok(rest.awaitJob(rest.delete("/volumes/" + uuid + "?deleteMode=Enforcing")), "delete");
        ok(volumeAction("/volumes/" + uuid + "/actions", "expungeDataVolume", Map.of()), "expunge");
        expungeVm(vmUuid);
        assertEquals(before, available(ps));
        ok(rest.awaitJob(rest.delete("/volumes/" + elsewhere)), "delete");
        ok(volumeAction("/volumes/" + elsewhere + "/actions", "expungeDataVolume", Map.of()), "expunge");
    }

    @Test
    @Order(3)
    void failuresRollBackAttachCreateResizeAndSnapshots() throws Exception {
        String vmUuid = vm("fail", true).path("uuid").asText();
        String uuid = newVolume("fragile");
        long before = available(ps);
        List<Object[]> injections = List.of(
                new Object[]{"createDataVolume", "instantiate-volume"},
                new Object[]{"attachVolume", "hot-plug"});
        for (Object[] injection : injections) {
            simulator(Map.of("target", "all", "call", injection[0], "failures", 1));
            Rest.Reply r = attach(uuid, vmUuid);
            assertEquals(503, r.status(), r.raw());
            String details = r.body().path("error").path("details").asText();
            assertTrue(details.contains("step '" + injection[1] + "'") && details.contains("simulated failure of " + injection[0]), details);
            assertUntouched(uuid, before);
        }
        for (String step : List.of("allocate-primary-storage", "instantiate-volume", "attach-volume", "hot-plug", "announce")) {
            failStep("AttachDataVolumeToVm", step);
            Rest.Reply r = attach(uuid, vmUuid);
            assertEquals(503, r.status(), step + ": " + r.raw());
            assertTrue(r.body().path("error").path("details").asText().contains("simulated failure of step " + step), r.raw());
            assertUntouched(uuid, before);
        }
        // a failed create on storage leaves no row and no reservation
        long volumes = count("/volumes", "type=Data");
        simulator(Map.of("target", ps, "call", "createDataVolume", "failures", 1));
        assertEquals(503, createVolume(Map.of("name", "x", "diskSize", GIB, "primaryStorageUuid", ps), List.of()).status());
        failStep("CreateDataVolume", "announce");
        assertEquals(503, createVolume(Map.of("name", "y", "diskSize", GIB, "primaryStorageUuid", ps), List.of()).status());
        assertEquals(volumes, count("/volumes", "type=Data"));
        assertEquals(before, available(ps));

        // attached for real, then a failed detach keeps it attached and plugged
        ok(attach(uuid, vmUuid), "attach");
        long attachedAvailable = available(ps);
        failStep("DetachDataVolumeFromVm", "announce");
        assertEquals(503, detach(uuid, vmUuid).status());
        assertEquals(vmUuid, volume(uuid).path("vmInstanceUuid").asText(), "still attached");
        simulator(Map.of("target", "all", "call", "detachVolume", "failures", 1));
        assertEquals(503, detach(uuid, vmUuid).status());
        assertEquals(vmUuid, volume(uuid).path("vmInstanceUuid").asText(), "still attached");
        ok(detach(uuid, vmUuid), "the unplug rolled back cleanly: a real detach works");

        // resize failures keep the size and the capacity
        simulator(Map.of("target", "all", "call", "resizeVolume", "failures", 1));
        assertEquals(503, volumeAction("/volumes/data/resize/" + uuid + "/actions", "resizeDataVolume", Map.of("size", 20 * GIB)).status());
        failStep("ResizeDataVolume", "update-volume");
        assertEquals(503, volumeAction("/volumes/data/resize/" + uuid + "/actions", "resizeDataVolume", Map.of("size", 20 * GIB)).status());
        assertEquals(10 * GIB, volume(uuid).path("size").asLong());
        assertEquals(attachedAvailable, available(ps));

        // snapshot failures leave no snapshot
        simulator(Map.of("target", "all", "call", "createSnapshot", "failures", 1));
        assertEquals(503, snapshot(uuid, "s").status());
        failStep("CreateVolumeSnapshot", "announce");
        assertEquals(503, snapshot(uuid, "s").status());
        assertEquals(0, count("/volume-snapshots", "volumeUuid=" + uuid));
        ok(snapshot(uuid, "s"), "then a snapshot works");

        ok(rest.awaitJob(rest.delete("/volumes/" + uuid)), "delete");
        ok(volumeAction("/volumes/" + uuid + "/actions", "expungeDataVolume", Map.of()), "expunge");
        expungeVm(vmUuid);
    }

    private void assertUntouched(String uuid, long available) throws Exception {
        JsonNode v = volume(uuid);
        assertTrue(absent(v.path("vmInstanceUuid")), "no attachment left: " + v);
        assertEquals("NotInstantiated", v.path("status").asText(), v.toString());
        assertTrue(absent(v.path("primaryStorageUuid")), v.toString());
        assertEquals(available, available(ps), "no capacity leaked");
    }

    @Test
    @Order(4)
    void badInputIsRefusedWithCodes() throws Exception {
        String vmUuid = vm("bad", true).path("uuid").asText();
        String root = rest.get("/vm-instances/" + vmUuid).body().path("inventories").path(0).path("rootVolumeUuid").asText();
        String uuid = newVolume("bad");
        long volumes = count("/volumes", "type=Data");
        refused(createVolume(Map.of("name", "none"), List.of()), 400, "SYS.1007", "no size");
        refused(createVolume(Map.of("name", "both", "diskSize", GIB, "diskOfferingUuid", disk), List.of()), 400, "SYS.1007", "both");
        refused(createVolume(Map.of("name", "neg", "diskSize", -1), List.of()), 400, "SYS.1007", "negative size");
        refused(createVolume(Map.of("name", "x", "diskOfferingUuid", MISSING), List.of()), 404, "SYS.1006", "unknown offering");
        refused(createVolume(Map.of("name", "x", "diskSize", GIB, "primaryStorageUuid", MISSING), List.of()), 404, "SYS.1006", "unknown ps");
        refused(createVolume(Map.of("name", "x", "diskSize", 4096 * GIB, "primaryStorageUuid", ps), List.of()), 409, "ALLOC.1001", "too big");
        assertEquals(volumes, count("/volumes", "type=Data"), "nothing written");
        refused(attach(MISSING, vmUuid), 404, "SYS.1006", "unknown volume");
        refused(attach(uuid, MISSING), 404, "SYS.1006", "unknown VM");
        refused(attach(root, vmUuid), 400, "SYS.1007", "a root volume");
        refused(detach(root, null), 400, "SYS.1007", "detach a root volume");
        refused(rest.awaitJob(rest.delete("/volumes/" + root)), 400, "SYS.1007", "delete a root volume");
        refused(volumeAction("/volumes/" + uuid + "/actions", "recoverDataVolume", Map.of()), 409, "SYS.1008", "recover a live volume");
        refused(snapshot(uuid, "s"), 409, "SYS.1008", "snapshot a NotInstantiated volume");
        refused(snapshot(MISSING, "s"), 404, "SYS.1006", "snapshot an unknown volume");
        refused(rest.awaitJob(rest.delete("/volume-snapshots/" + MISSING)), 404, "SYS.1006", "unknown snapshot");
        ok(vmAction(vmUuid, "pauseVmInstance"), "pause");
        refused(attach(uuid, vmUuid), 409, "SYS.1008", "attach to a paused VM");
        ok(vmAction(vmUuid, "resumeVmInstance"), "resume");
        assertTrue(absent(volume(uuid).path("vmInstanceUuid")));
        ok(rest.awaitJob(rest.delete("/volumes/" + uuid)), "delete");
        ok(volumeAction("/volumes/" + uuid + "/actions", "expungeDataVolume", Map.of()), "expunge");
        expungeVm(vmUuid);
    }

    @Test
    @Order(5)
    void aCallTheBackendDoesNotSupportAnswersSys1014() throws Exception {
        String vmUuid = vm("unsupported", true).path("uuid").asText();
        String uuid = newVolume("unsupported");
        simulator(Map.of("target", "all", "call", "attachVolume", "unsupported", true));
        Rest.Reply r = attach(uuid, vmUuid);
        assertEquals("SYS.1014", r.errorCode(), r.raw());
        assertTrue(r.raw().contains("does not support"), r.raw());
        assertTrue(absent(volume(uuid).path("vmInstanceUuid")), "rolled back");
        reset();
        ok(attach(uuid, vmUuid), "attach");
        simulator(Map.of("target", "all", "call", "resizeVolume", "unsupported", true));
        Rest.Reply resize = volumeAction("/volumes/data/resize/" + uuid + "/actions", "resizeDataVolume", Map.of("size", 20 * GIB));
        assertEquals("SYS.1014", resize.errorCode(), resize.raw());
        assertEquals(10 * GIB, volume(uuid).path("size").asLong());
        ok(rest.awaitJob(rest.delete("/volumes/" + uuid + "?deleteMode=Enforcing")), "delete");
        ok(volumeAction("/volumes/" + uuid + "/actions", "expungeDataVolume", Map.of()), "expunge");
        expungeVm(vmUuid);
    }

    @Test
    @Order(6)
    void hostLocalStorageSumsItsHostsCapacity() throws Exception {
        String c2 = created("/clusters", Map.of("zoneUuid", zone, "name", unique("local"), "hypervisorType", "Simulator")).path("uuid").asText();
        addHost(c2, "10.40.1.1");
        addHost(c2, "10.40.1.2");
        String local = created("/primary-storage/simulators", Map.of("name", "local", "url", "/sim/local", "zoneUuid", zone,
                "totalCapacity", 100 * GIB, "availableCapacity", 80 * GIB, "localToHosts", true)).path("uuid").asText();
        created("/clusters/" + c2 + "/primary-storage/" + local, Map.of());
        awaitTotal(local, 200 * GIB);
        assertEquals(160 * GIB, available(local));
        addHost(c2, "10.40.1.3");
        awaitTotal(local, 300 * GIB);
        assertEquals(240 * GIB, available(local));
        // a storage that is not host-local keeps its own figures
        assertEquals(1024 * GIB, rest.get("/primary-storage/" + otherPs).body().path("inventories").path(0).path("totalCapacity").asLong());
    }

    private void awaitTotal(String psUuid, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        long seen = -1;
        while (System.currentTimeMillis() < deadline) {
            seen = rest.get("/primary-storage/" + psUuid).body().path("inventories").path(0).path("totalCapacity").asLong();
            if (seen == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("total capacity of " + psUuid + " stayed " + seen + ", expected " + expected);
    }
}
