package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clusters and hosts over REST on a real node, with the simulator's hypervisor backend ({@code AddSimulatorHost} at
 * {@code POST /hosts/simulators}): validation, the add-host flow and its rollback, state changes, live capacity
 * ratios, disconnection and automatic reconnection by pings, and delete modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterHostIT {
    private static final long GIB = 1L << 30;
    private KumoNode node;
    private Rest rest;
    private String zoneUuid;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("cluster-host").start();
        rest = node.rest().login();
        zoneUuid = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    private Rest.Reply createCluster(String name, String hypervisorType) throws Exception {
        return rest.awaitJob(rest.post("/clusters", Map.of("zoneUuid", zoneUuid, "name", name, "hypervisorType", hypervisorType),
                List.of(), List.of()));
    }

    private String simulatorCluster() throws Exception {
        Rest.Reply r = createCluster(unique("cluster"), "Simulator");
        assertEquals(200, r.status(), r.raw());
        return r.body().path("inventory").path("uuid").asText();
    }

    private Rest.Reply addHost(String clusterUuid, String ip) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("name", unique("host"));
        p.put("managementIp", ip);
        p.put("clusterUuid", clusterUuid);
        p.put("cpuCapacity", 8);
        p.put("memoryCapacity", 16 * GIB);
        return rest.awaitJob(rest.post("/hosts/simulators", p, List.of(), List.of()));
    }

    private JsonNode host(String uuid) throws Exception {
        Rest.Reply r = rest.get("/hosts/" + uuid);
        assertEquals(200, r.status(), r.raw());
        return r.body().path("inventories").path(0);
    }

    private Rest.Reply action(String path, String key, Map<String, ?> params) throws Exception {
        return rest.awaitJob(rest.put(path, key, params));
    }

    private void setConfig(String category, String name, String value) throws Exception {
        Rest.Reply r = action("/global-configurations/" + category + "/" + name + "/actions", "updateGlobalConfig", Map.of("value", value));
        assertEquals(200, r.status(), r.raw());
    }

    private void awaitStatus(String hostUuid, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String seen = null;
        while (System.currentTimeMillis() < deadline) {
            seen = host(hostUuid).path("status").asText();
            if (status.equals(seen)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("host " + hostUuid + " stayed " + seen + ", expected " + status);
    }

    @Test
    void clustersAreValidatedCreatedQueriedChangedAndDeleted() throws Exception {
        Rest.Reply noBackend = rest.post("/clusters", Map.of("zoneUuid", zoneUuid, "name", "k", "hypervisorType", "NoSuchHypervisor"),
                List.of(), List.of());
        assertEquals(400, noBackend.status(), noBackend.raw());
        assertEquals("SYS.1013", noBackend.errorCode());
        Rest.Reply noZone = rest.post("/clusters", Map.of("zoneUuid", "0123456789abcdef0123456789abcdef", "name", "k",
                "hypervisorType", "Simulator"), List.of(), List.of());
        assertEquals(404, noZone.status(), noZone.raw());
        Rest.Reply badArch = rest.post("/clusters", Map.of("zoneUuid", zoneUuid, "name", "k", "hypervisorType", "Simulator",
                "architecture", "sparc"), List.of(), List.of());
        assertEquals(400, badArch.status(), badArch.raw());

        String name = unique("cluster");
        Rest.Reply created = createCluster(name, "Simulator");
        assertEquals(200, created.status(), created.raw());
        JsonNode inv = created.body().path("inventory");
        assertEquals("Enabled", inv.path("state").asText());
        assertEquals("zstack", inv.path("type").asText());
        assertEquals("x86_64", inv.path("architecture").asText());
        assertEquals(zoneUuid, inv.path("zoneUuid").asText());
        String uuid = inv.path("uuid").asText();

        Rest.Reply query = rest.get("/clusters", "q", "name=" + name);
        assertEquals(1, query.body().path("inventories").size(), query.raw());
        assertEquals(uuid, rest.get("/clusters/" + uuid).body().path("inventories").path(0).path("uuid").asText());

        Rest.Reply updated = action("/clusters/" + uuid + "/actions", "updateCluster", Map.of("description", "rack 4"));
        assertEquals("rack 4", updated.body().path("inventory").path("description").asText(), updated.raw());
        Rest.Reply disabled = action("/clusters/" + uuid + "/actions", "changeClusterState", Map.of("stateEvent", "disable"));
        assertEquals("Disabled", disabled.body().path("inventory").path("state").asText(), disabled.raw());

        assertEquals(200, rest.awaitJob(rest.delete("/clusters/" + uuid)).status());
        assertEquals(0, rest.get("/clusters", "q", "uuid=" + uuid).body().path("inventories").size());
    }

    @Test
    void hostsAreAddedConnectedAndTheirCapacityFollowsTheRatios() throws Exception {
        String cluster = simulatorCluster();
        Rest.Reply added = addHost(cluster, "10.20.0.1");
        assertEquals(200, added.status(), added.raw());
        JsonNode inv = added.body().path("inventory");
        String uuid = inv.path("uuid").asText();
        assertEquals("Connected", inv.path("status").asText());
        assertEquals("Enabled", inv.path("state").asText());
        assertEquals("Simulator", inv.path("hypervisorType").asText());
        assertEquals(zoneUuid, inv.path("zoneUuid").asText());
        assertEquals(8, inv.path("cpuNum").asInt());
        assertEquals(80, inv.path("totalCpuCapacity").asLong(), "ZStack's default CPU over-provisioning: 10");
        assertEquals(16 * GIB, inv.path("totalMemoryCapacity").asLong());
        assertFalse(added.raw().contains("password"), "no credentials in inventories");

        Rest.Reply duplicate = rest.post("/hosts/simulators", Map.of("name", "d", "managementIp", "10.20.0.1", "clusterUuid", cluster),
                List.of(), List.of());
        assertEquals(409, duplicate.status(), duplicate.raw());
        Rest.Reply badIp = rest.post("/hosts/simulators", Map.of("name", "d", "managementIp", "10.20.0.300", "clusterUuid", cluster),
                List.of(), List.of());
        assertEquals(400, badIp.status(), badIp.raw());
        Rest.Reply noCluster = rest.post("/hosts/simulators", Map.of("name", "d", "managementIp", "10.20.0.9",
                "clusterUuid", "0123456789abcdef0123456789abcdef"), List.of(), List.of());
        assertEquals(404, noCluster.status(), noCluster.raw());

        setConfig("host", "cpu.overProvisioning.ratio", "4");
        setConfig("mevoco", "overProvisioning.memory", "1.5");
        JsonNode after = host(uuid);
        assertEquals(32, after.path("totalCpuCapacity").asLong(), "a new ratio applies at once");
        assertEquals(24 * GIB, after.path("totalMemoryCapacity").asLong());
        assertEquals(1, rest.get("/hosts", "q", "uuid=" + uuid, "q", "totalCpuCapacity=32").body().path("inventories").size(),
                "capacity fields can be queried, as in ZStack");
        assertEquals(200, rest.get("/hosts", "sortBy", "availableMemoryCapacity", "sortDirection", "desc").status());
        setConfig("host", "cpu.overProvisioning.ratio", "10");
        setConfig("mevoco", "overProvisioning.memory", "1.0");

        assertEquals(1, rest.get("/hosts", "q", "clusterUuid=" + cluster).body().path("inventories").size());
        Rest.Reply renamed = action("/hosts/" + uuid + "/actions", "updateHost", Map.of("name", "renamed"));
        assertEquals("renamed", renamed.body().path("inventory").path("name").asText(), renamed.raw());
        Rest.Reply reconnected = action("/hosts/" + uuid + "/actions", "reconnectHost", Map.of());
        assertEquals("Connected", reconnected.body().path("inventory").path("status").asText(), reconnected.raw());
    }

    @Test
    void aHypervisorTypeIsUsableOnlyWhileItsBackendIsInstalled() throws Exception {
        String cluster = simulatorCluster();
        try {
            node.shell("bundle:stop io.kumo.simulator");
            Rest.Reply refused = createCluster(unique("cluster"), "Simulator");
            assertEquals(400, refused.status(), refused.raw());
            assertEquals("SYS.1013", refused.errorCode(), refused.raw());
            // the path now only matches /hosts/{uuid}, served for other methods: 405 with an Allow header, nothing added
            // (while the bundle is still stopping, the operation may answer itself that the type is gone)
            long until = System.currentTimeMillis() + 10_000;
            Rest.Reply gone;
            do {
                gone = rest.post("/hosts/simulators", Map.of("name", "h", "managementIp", "10.20.9.1", "clusterUuid", cluster),
                        List.of(), List.of());
                assertTrue(gone.status() >= 400 && gone.status() < 500, "refused, never added: " + gone.raw());
            } while (gone.status() != 405 && System.currentTimeMillis() < until && sleep(100));
            assertEquals(405, gone.status(), "AddSimulatorHost leaves with its backend: " + gone.raw());
            String openApi = rest.get("/openapi.json").raw();
            for (String op : List.of("AddSimulatorHost", "AddSimulatorPrimaryStorage", "AddSimulatorBackupStorage")) {
                assertFalse(openApi.contains("\"" + op + "\""), op + ": its OpenAPI entry is gone too");
            }
            for (String path : List.of("/primary-storage/simulators", "/backup-storage/simulators")) {
                Rest.Reply storage = rest.post(path, Map.of("name", "s", "url", "/sim/x"), List.of(), List.of());
                assertEquals(405, storage.status(), "the storage types leave with their backends: " + path + " " + storage.raw());
            }
            assertEquals(0, rest.get("/hosts", "q", "managementIp=10.20.9.1").body().path("inventories").size());
        } finally {
            node.shell("bundle:start io.kumo.simulator");
        }
        Rest.Reply back = addHostOnceTheSimulatorIsBack(cluster, "10.20.9.1");
        assertEquals(200, back.status(), "installed again, no restart: " + back.raw());
    }

    @Test
    void aHostAddRunningWhenItsHypervisorPluginStopsFailsCleanlyAndLeavesNothing() throws Exception {
        String cluster = simulatorCluster();
        Rest.Reply slow = rest.put("/simulators/actions", "configureSimulator", Map.of("target", "all", "call", "connect", "latencyMs", 4000));
        assertEquals(200, slow.status(), slow.raw());
        Map<String, Object> p = new HashMap<>();
        p.put("name", unique("host"));
        p.put("managementIp", "10.20.8.1");
        p.put("clusterUuid", cluster);
        p.put("cpuCapacity", 8);
        p.put("memoryCapacity", 16 * GIB);
        Rest.Reply accepted = rest.post("/hosts/simulators", p, List.of(), List.of());
        assertEquals(202, accepted.status(), accepted.raw());
        try {
            Thread.sleep(1500);  // the job is in its 4-second connect step
            node.shell("bundle:stop io.kumo.simulator");
            Rest.Reply failed = rest.awaitJob(accepted);
            assertEquals(503, failed.status(), failed.raw());
            assertEquals("SYS.1010", failed.errorCode(), failed.raw());
            assertTrue(failed.raw().contains("no longer served"), failed.raw());
            assertEquals(0, rest.get("/hosts", "q", "managementIp=10.20.8.1").body().path("inventories").size(),
                    "the host the job had created is gone");
        } finally {
            node.shell("bundle:start io.kumo.simulator");  // a fresh simulator: no injected latency
        }
        Rest.Reply back = addHostOnceTheSimulatorIsBack(cluster, "10.20.8.1");
        assertEquals(200, back.status(), "the same host is added once the plugin is back: " + back.raw());
    }

    /** Adds a host, retrying while the restarted simulator's add operation is not registered yet (404). */
    private Rest.Reply addHostOnceTheSimulatorIsBack(String cluster, String ip) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        Rest.Reply back;
        do {
            Thread.sleep(200);
            back = addHost(cluster, ip);
        } while (back.status() == 404 && System.currentTimeMillis() < deadline);
        return back;
    }

    @Test
    void hostStatesFollowTheStateMachine() throws Exception {
        String uuid = addHost(simulatorCluster(), "10.20.1.1").body().path("inventory").path("uuid").asText();
        String path = "/hosts/" + uuid + "/actions";
        assertEquals("Disabled", action(path, "changeHostState", Map.of("stateEvent", "disable")).body().path("inventory").path("state").asText());
        assertEquals("Maintenance", action(path, "changeHostState", Map.of("stateEvent", "maintain")).body().path("inventory").path("state").asText());
        assertEquals("Enabled", action(path, "changeHostState", Map.of("stateEvent", "enable")).body().path("inventory").path("state").asText());
        Rest.Reply bad = rest.put(path, "changeHostState", Map.of("stateEvent", "explode"));
        assertEquals(400, bad.status(), bad.raw());
    }

    @Test
    void aHostThatCannotBeConnectedIsRolledBackWithTheBackendsReason() throws Exception {
        String cluster = simulatorCluster();
        Rest.Reply inject = rest.put("/simulators/actions", "configureSimulator", Map.of("target", "all", "call", "connect", "failures", 1));
        assertEquals(200, inject.status(), inject.raw());
        Rest.Reply failed = addHost(cluster, "10.20.2.1");
        assertEquals(503, failed.status(), failed.raw());
        String details = failed.body().path("error").path("details").asText();
        assertTrue(details.contains("step 'connect'"), details);
        assertTrue(details.contains("simulated failure"), details);
        assertEquals(0, rest.get("/hosts", "q", "managementIp=10.20.2.1").body().path("inventories").size(), "rolled back");
        assertEquals(200, addHost(cluster, "10.20.2.1").status(), "the address is free again");
    }

    @Test
    void aHostMissingPingsIsDisconnectedAndReconnectedWhenItAnswers() throws Exception {
        String uuid = addHost(simulatorCluster(), "10.20.3.1").body().path("inventory").path("uuid").asText();
        setConfig("host", "ping.interval", "1");
        setConfig("host", "ping.maxFailure", "2");
        try {
            assertEquals(200, rest.put("/hosts/" + uuid + "/actions", "powerOffSimulatorHost", Map.of()).status());
            awaitStatus(uuid, "Disconnected");
            assertEquals(200, rest.put("/hosts/" + uuid + "/actions", "powerOnSimulatorHost", Map.of()).status());
            awaitStatus(uuid, "Connected");
        } finally {
            setConfig("host", "ping.interval", "60");
            setConfig("host", "ping.maxFailure", "3");
        }
    }

    @Test
    void deleteModesGuardClustersWithHostsAndZonesWithClusters() throws Exception {
        String cluster = simulatorCluster();
        String h1 = addHost(cluster, "10.20.4.1").body().path("inventory").path("uuid").asText();
        addHost(cluster, "10.20.4.2");

        Rest.Reply refused = rest.delete("/clusters/" + cluster);
        assertEquals(409, refused.status(), refused.raw());
        assertTrue(refused.raw().contains(h1), "names the hosts: " + refused.raw());

        assertEquals(200, rest.awaitJob(rest.delete("/hosts/" + h1)).status());
        assertEquals(0, rest.get("/hosts", "q", "uuid=" + h1).body().path("inventories").size());

        assertEquals(200, rest.awaitJob(rest.delete("/clusters/" + cluster + "?deleteMode=Enforcing")).status());
        assertEquals(0, rest.get("/hosts", "q", "clusterUuid=" + cluster).body().path("inventories").size());
        assertEquals(0, rest.get("/clusters", "q", "uuid=" + cluster).body().path("inventories").size());

        String zone = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
        String c2 = rest.awaitJob(rest.post("/clusters", Map.of("zoneUuid", zone, "name", "c2", "hypervisorType", "Simulator"),
                List.of(), List.of())).body().path("inventory").path("uuid").asText();
        String h3 = addHost(c2, "10.20.4.3").body().path("inventory").path("uuid").asText();
        assertEquals(409, rest.delete("/zones/" + zone).status());
        assertEquals(200, rest.awaitJob(rest.delete("/zones/" + zone + "?deleteMode=Enforcing")).status());
        assertEquals(0, rest.get("/hosts", "q", "uuid=" + h3).body().path("inventories").size());
        assertEquals(0, rest.get("/clusters", "q", "uuid=" + c2).body().path("inventories").size());
    }

    private static boolean sleep(long ms) throws InterruptedException {
        Thread.sleep(ms);
        return true;
    }
}
