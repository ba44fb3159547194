package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * L2 and L3 networks over REST on a real node: the L2 types (no-VLAN, VLAN, VXLAN pool with VNI ranges, VXLAN),
 * attachment to clusters, L3 networks with IP ranges (and the bad-input table: refused, nothing written), free IPs,
 * reserved ranges, DNS, MTU and delete modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkIT {
    private KumoNode node;
    private Rest rest;
    private String zoneUuid;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("network").start();
        rest = node.rest().login();
        awaitServed();
        zoneUuid = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    /** Waits until the compute bundle serves the network operations (its services register after the kernel's). */
    private void awaitServed() throws Exception {
        String nobody = "0123456789abcdef0123456789abcdef";
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (String path : List.of("/clusters", "/l3-networks/ip-ranges/" + nobody + "/ip/free", "/l3-networks/" + nobody + "/mtu")) {
            while ("SYS.1004".equals(rest.get(path).errorCode()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
    }

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    private Rest.Reply create(String path, Map<String, ?> params) throws Exception {
        return rest.awaitJob(rest.post(path, params, List.of(), List.of()));
    }

    private JsonNode created(String path, Map<String, ?> params) throws Exception {
        Rest.Reply r = create(path, params);
        assertEquals(200, r.status(), path + " " + r.raw());
        return r.body().path("inventory");
    }

    private JsonNode l2(String path, String zone, Object... extra) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("name", unique("l2"));
        p.put("zoneUuid", zone);
        p.put("physicalInterface", "eth0");
        for (int i = 0; i < extra.length; i += 2) {
            p.put((String) extra[i], extra[i + 1]);
        }
        return created(path, p);
    }

    private long count(String path, String condition) throws Exception {
        return rest.get(path, "q", condition, "count", "true").body().path("total").asLong();
    }

    @Test
    void l2TypesVlansAndVnis() throws Exception {
        JsonNode noVlan = l2("/l2-networks/no-vlan", zoneUuid);
        assertEquals("L2NoVlanNetwork", noVlan.path("type").asText());

        JsonNode vlan = l2("/l2-networks/vlan", zoneUuid, "physicalInterface", "eth1", "vlan", 10);
        assertEquals(10, vlan.path("vlan").asInt());
        Rest.Reply dup = rest.post("/l2-networks/vlan", Map.of("name", "dup", "zoneUuid", zoneUuid, "physicalInterface", "eth1", "vlan", 10), List.of(), List.of());
        assertEquals(409, dup.status(), dup.raw());
        assertTrue(dup.raw().contains(vlan.path("uuid").asText()), dup.raw());
        assertEquals(400, rest.post("/l2-networks/vlan", Map.of("name", "big", "zoneUuid", zoneUuid, "physicalInterface", "eth1", "vlan", 4095), List.of(), List.of()).status());
        assertEquals(404, rest.post("/l2-networks/no-vlan", Map.of("name", "nz", "zoneUuid", "0123456789abcdef0123456789abcdef", "physicalInterface", "eth0"), List.of(), List.of()).status());

        JsonNode pool = l2("/l2-networks/vxlan-pool", zoneUuid);
        String poolUuid = pool.path("uuid").asText();
        String vniRanges = "/l2-networks/vxlan-pool/" + poolUuid + "/vni-ranges";
        Rest.Reply noRange = rest.post("/l2-networks/vxlan", Map.of("name", "v", "zoneUuid", zoneUuid, "poolUuid", poolUuid), List.of(), List.of());
        assertEquals(409, noRange.status(), noRange.raw());
        assertEquals("ALLOC.1001", noRange.errorCode());
        created(vniRanges, Map.of("name", "r1", "startVni", 100, "endVni", 200));
        assertEquals(409, rest.post(vniRanges, Map.of("name", "r2", "startVni", 150, "endVni", 300), List.of(), List.of()).status());
        assertEquals(400, rest.post(vniRanges, Map.of("name", "r3", "startVni", 400, "endVni", 300), List.of(), List.of()).status());
        assertEquals(400, rest.post(vniRanges, Map.of("name", "r4", "startVni", 0, "endVni", 3), List.of(), List.of()).status());
        assertEquals(1, count("/l2-networks/vxlan-pool/vni-range", "l2NetworkUuid=" + poolUuid));

        JsonNode vx1 = created("/l2-networks/vxlan", Map.of("name", "vx1", "zoneUuid", zoneUuid, "poolUuid", poolUuid));
        assertEquals(100, vx1.path("vni").asInt());
        assertEquals(409, rest.post("/l2-networks/vxlan", Map.of("name", "vx2", "zoneUuid", zoneUuid, "poolUuid", poolUuid, "vni", 100), List.of(), List.of()).status());
        assertEquals(400, rest.post("/l2-networks/vxlan", Map.of("name", "vx2", "zoneUuid", zoneUuid, "poolUuid", poolUuid, "vni", 500), List.of(), List.of()).status());
        JsonNode vx2 = created("/l2-networks/vxlan", Map.of("name", "vx2", "zoneUuid", zoneUuid, "poolUuid", poolUuid, "vni", 150));
        assertEquals(150, vx2.path("vni").asInt());
        assertEquals(101, created("/l2-networks/vxlan", Map.of("name", "vx3", "zoneUuid", zoneUuid, "poolUuid", poolUuid)).path("vni").asInt());

        // typed queries
        for (JsonNode inv : rest.get("/l2-networks/vlan").body().path("inventories")) {
            assertEquals("L2VlanNetwork", inv.path("type").asText());
        }
        assertEquals(3, count("/l2-networks/vxlan", "poolUuid=" + poolUuid));
        assertEquals(1, count("/l2-networks/vxlan-pool", "uuid=" + poolUuid));
        assertEquals(0, count("/l2-networks/vxlan", "uuid=" + noVlan.path("uuid").asText()));
        assertEquals(1, count("/l2-networks", "uuid=" + noVlan.path("uuid").asText()));

        // update
        Rest.Reply upd = rest.awaitJob(rest.put("/l2-networks/" + vlan.path("uuid").asText() + "/actions", "updateL2Network", Map.of("name", "renamed")));
        assertEquals("renamed", upd.body().path("inventory").path("name").asText(), upd.raw());

        // attachment to clusters (the cluster module is merged in this branch)
        String cluster = created("/clusters", Map.of("zoneUuid", zoneUuid, "name", unique("c"), "hypervisorType", "Simulator")).path("uuid").asText();
        JsonNode attached = created("/l2-networks/" + noVlan.path("uuid").asText() + "/clusters/" + cluster, Map.of());
        assertEquals(List.of(cluster), texts(attached.path("attachedClusterUuids")));
        assertEquals(409, rest.post("/l2-networks/" + noVlan.path("uuid").asText() + "/clusters/" + cluster, Map.of(), List.of(), List.of()).status());
        assertEquals(400, rest.post("/l2-networks/" + vx1.path("uuid").asText() + "/clusters/" + cluster, Map.of(), List.of(), List.of()).status());
        assertEquals(404, rest.post("/l2-networks/" + noVlan.path("uuid").asText() + "/clusters/0123456789abcdef0123456789abcdef", Map.of(), List.of(), List.of()).status());
        created("/l2-networks/" + poolUuid + "/clusters/" + cluster, Map.of());
        JsonNode vxNow = rest.get("/l2-networks/vxlan/" + vx1.path("uuid").asText()).body().path("inventories").path(0);
        assertEquals(List.of(cluster), texts(vxNow.path("attachedClusterUuids")), "a VXLAN network reaches its pool's clusters");
        Rest.Reply detached = rest.awaitJob(rest.delete("/l2-networks/" + noVlan.path("uuid").asText() + "/clusters/" + cluster));
        assertEquals(200, detached.status(), detached.raw());
        assertEquals(0, rest.get("/l2-networks/" + noVlan.path("uuid").asText()).body().path("inventories").path(0).path("attachedClusterUuids").size());
        // deleting the cluster removes its attachments and is not blocked by them
        assertEquals(200, rest.awaitJob(rest.delete("/clusters/" + cluster)).status());
        assertEquals(0, rest.get("/l2-networks/" + poolUuid).body().path("inventories").path(0).path("attachedClusterUuids").size());

        // delete modes: a pool with VXLAN networks
        Rest.Reply refused = rest.delete("/l2-networks/" + poolUuid);
        assertEquals(409, refused.status(), refused.raw());
        assertTrue(refused.raw().contains(vx1.path("uuid").asText()), refused.raw());
        assertEquals(200, rest.awaitJob(rest.delete("/l2-networks/" + poolUuid + "?deleteMode=Enforcing")).status());
        assertEquals(0, count("/l2-networks", "poolUuid=" + poolUuid));
        assertEquals(0, count("/l2-networks/vxlan-pool/vni-range", "l2NetworkUuid=" + poolUuid));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void l3RangesFreeIpsDnsMtuAndDeleteModes() throws Exception {
        String zone = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
        String l2 = l2("/l2-networks/no-vlan", zone).path("uuid").asText();
        JsonNode l3 = created("/l3-networks", Map.of("name", "l3", "l2NetworkUuid", l2, "category", "Private", "dnsDomain", "kumo.local"));
        String l3Uuid = l3.path("uuid").asText();
        assertEquals(1500, l3.path("mtu").asInt());
        assertEquals(zone, l3.path("zoneUuid").asText());
        assertEquals("Enabled", l3.path("state").asText());
        assertEquals(400, rest.post("/l3-networks", Map.of("name", "x", "l2NetworkUuid", l2, "category", "Nope"), List.of(), List.of()).status());
        assertEquals(404, rest.post("/l3-networks", Map.of("name", "x", "l2NetworkUuid", "0123456789abcdef0123456789abcdef"), List.of(), List.of()).status());

        String ranges = "/l3-networks/" + l3Uuid + "/ip-ranges";
        JsonNode range = created(ranges + "/by-cidr", Map.of("name", "r1", "networkCidr", "192.168.100.0/24"));
        assertEquals("192.168.100.2", range.path("startIp").asText());
        assertEquals("192.168.100.254", range.path("endIp").asText());
        assertEquals("192.168.100.1", range.path("gateway").asText());
        assertEquals("255.255.255.0", range.path("netmask").asText());
        String rangeUuid = range.path("uuid").asText();

        // the bad-input table: refused at once with a 4xx, nothing written
        List<Object[]> bad = List.of(
                new Object[] {"/by-cidr", Map.of("name", "b", "networkCidr", "192.168.1.0/33"), 400},
                new Object[] {"/by-cidr", Map.of("name", "b", "networkCidr", "192.168.1.0"), 400},
                new Object[] {"/by-cidr", Map.of("name", "b", "networkCidr", "10.0.0.0/31"), 400},
                new Object[] {"/by-cidr", Map.of("name", "b", "networkCidr", "192.168.100.0/25"), 409},
                new Object[] {"", Map.of("name", "b", "startIp", "192.168.100.50", "endIp", "192.168.100.60", "netmask", "255.255.255.0", "gateway", "192.168.100.1"), 409},
                new Object[] {"", Map.of("name", "b", "startIp", "10.1.0.10", "endIp", "10.1.0.20", "netmask", "255.255.255.0", "gateway", "10.1.0.15"), 400},
                new Object[] {"", Map.of("name", "b", "startIp", "10.1.0.300", "endIp", "10.1.0.20", "netmask", "255.255.255.0", "gateway", "10.1.0.1"), 400},
                new Object[] {"", Map.of("name", "b", "startIp", "10.1.0.10", "endIp", "10.1.0.20", "netmask", "255.0.255.0", "gateway", "10.1.0.1"), 400},
                new Object[] {"", Map.of("name", "b", "startIp", "10.1.0.20", "endIp", "10.1.0.10", "netmask", "255.255.255.0", "gateway", "10.1.0.1"), 400},
                new Object[] {"", Map.of("name", "b", "startIp", "10.1.0.0", "endIp", "10.1.0.10", "netmask", "255.255.255.0", "gateway", "10.1.0.100"), 400},
                new Object[] {"", Map.of("name", "b", "startIp", "10.1.0.10", "endIp", "10.1.0.20", "netmask", "255.255.255.0", "gateway", "10.2.0.1"), 400});
        for (Object[] b : bad) {
            Rest.Reply r = rest.post(ranges + b[0], castMap((Map<?, ?>) b[1]), List.of(), List.of());
            assertEquals(b[2], r.status(), b[1] + " -> " + r.raw());
            assertEquals((int) b[2] == 400 ? "SYS.1007" : "SYS.1009", r.errorCode(), r.raw());
        }
        assertEquals(1, count("/l3-networks/ip-ranges", "l3NetworkUuid=" + l3Uuid));
        Rest.Reply overlap = rest.post(ranges, Map.of("name", "b", "startIp", "192.168.100.50", "endIp", "192.168.100.60", "netmask", "255.255.255.0", "gateway", "192.168.100.1"), List.of(), List.of());
        assertTrue(overlap.raw().contains(rangeUuid), "the conflict names the range: " + overlap.raw());

        // a second range, and a query join through ipRanges
        created(ranges, Map.of("name", "r2", "startIp", "10.20.0.10", "endIp", "10.20.0.20", "netmask", "255.255.255.0", "gateway", "10.20.0.1"));
        JsonNode found = rest.get("/l3-networks", "q", "ipRanges.startIp=10.20.0.10").body().path("inventories");
        assertEquals(1, found.size());
        assertEquals(l3Uuid, found.path(0).path("uuid").asText());
        assertEquals(2, found.path(0).path("ipRanges").size());

        // reserved addresses, free IPs and availability
        String reserved = created("/l3-networks/" + l3Uuid + "/reserved-ip-ranges", Map.of("startIp", "192.168.100.2", "endIp", "192.168.100.4")).path("uuid").asText();
        assertEquals(400, rest.post("/l3-networks/" + l3Uuid + "/reserved-ip-ranges", Map.of("startIp", "172.16.0.1", "endIp", "172.16.0.2"), List.of(), List.of()).status());
        List<String> free = new ArrayList<>();
        Rest.Reply freeReply = rest.get("/l3-networks/" + l3Uuid + "/ip/free", "limit", "3");
        assertEquals(200, freeReply.status(), freeReply.raw());
        freeReply.body().path("inventories").forEach(n -> free.add(n.path("ip").asText()));
        assertEquals(List.of("10.20.0.10", "10.20.0.11", "10.20.0.12"), free);
        List<String> freeOfRange = new ArrayList<>();
        rest.get("/l3-networks/ip-ranges/" + rangeUuid + "/ip/free", "limit", "2").body().path("inventories").forEach(n -> freeOfRange.add(n.path("ip").asText()));
        assertEquals(List.of("192.168.100.5", "192.168.100.6"), freeOfRange);
        Rest.Reply avail = rest.get("/l3-networks/" + l3Uuid + "/ip/192.168.100.3/availability");
        assertFalse(avail.body().path("available").asBoolean(), avail.raw());
        assertTrue(rest.get("/l3-networks/" + l3Uuid + "/ip/192.168.100.10/availability").body().path("available").asBoolean());
        assertEquals(400, rest.get("/l3-networks/" + l3Uuid + "/ip/192.168.100.x/availability").status());
        assertEquals(200, rest.awaitJob(rest.delete("/l3-networks/reserved-ip-ranges/" + reserved)).status());
        assertEquals("192.168.100.2", rest.get("/l3-networks/ip-ranges/" + rangeUuid + "/ip/free", "limit", "1").body().path("inventories").path(0).path("ip").asText());

        // DNS
        JsonNode withDns = created("/l3-networks/" + l3Uuid + "/dns", Map.of("dns", "8.8.8.8"));
        assertEquals(List.of("8.8.8.8"), texts(withDns.path("dns")));
        assertEquals(400, rest.post("/l3-networks/" + l3Uuid + "/dns", Map.of("dns", "8.8.8"), List.of(), List.of()).status());
        assertEquals(409, rest.post("/l3-networks/" + l3Uuid + "/dns", Map.of("dns", "8.8.8.8"), List.of(), List.of()).status());
        Rest.Reply removed = rest.awaitJob(rest.delete("/l3-networks/" + l3Uuid + "/dns/8.8.8.8"));
        assertEquals(0, removed.body().path("inventory").path("dns").size(), removed.raw());

        // MTU
        assertEquals(9000, created("/l3-networks/" + l3Uuid + "/mtu", Map.of("mtu", 9000)).path("mtu").asInt());
        assertEquals(9000, rest.get("/l3-networks/" + l3Uuid + "/mtu").body().path("mtu").asInt());
        assertEquals(400, rest.post("/l3-networks/" + l3Uuid + "/mtu", Map.of("mtu", 10000), List.of(), List.of()).status());
        assertEquals(400, rest.post("/l3-networks/" + l3Uuid + "/mtu", Map.of("mtu", 67), List.of(), List.of()).status());

        // state and update
        Rest.Reply disabled = rest.awaitJob(rest.put("/l3-networks/" + l3Uuid + "/actions", "changeL3NetworkState", Map.of("stateEvent", "disable")));
        assertEquals("Disabled", disabled.body().path("inventory").path("state").asText(), disabled.raw());
        Rest.Reply updated = rest.awaitJob(rest.put("/l3-networks/" + l3Uuid + "/actions", "updateL3Network", Map.of("name", "l3-renamed")));
        assertEquals("l3-renamed", updated.body().path("inventory").path("name").asText(), updated.raw());

        // deleting a range
        assertEquals(200, rest.awaitJob(rest.delete("/l3-networks/ip-ranges/" + rangeUuid)).status());
        assertEquals(1, count("/l3-networks/ip-ranges", "l3NetworkUuid=" + l3Uuid));

        // delete modes: the L2 is used by the L3
        Rest.Reply refused = rest.delete("/l2-networks/" + l2);
        assertEquals(409, refused.status(), refused.raw());
        assertTrue(refused.raw().contains(l3Uuid), refused.raw());
        assertEquals(200, rest.awaitJob(rest.delete("/l2-networks/" + l2 + "?deleteMode=Enforcing")).status());
        assertEquals(0, count("/l3-networks", "uuid=" + l3Uuid));
        assertEquals(0, count("/l3-networks/ip-ranges", "l3NetworkUuid=" + l3Uuid));

        // a zone with networks: Permissive refuses, Enforcing deletes them
        String l2b = l2("/l2-networks/no-vlan", zone).path("uuid").asText();
        String l3b = created("/l3-networks", Map.of("name", "l3b", "l2NetworkUuid", l2b)).path("uuid").asText();
        assertEquals(200, rest.awaitJob(rest.delete("/l3-networks/" + l3b)).status());
        assertEquals(0, count("/l3-networks", "uuid=" + l3b));
        Rest.Reply zoneRefused = rest.delete("/zones/" + zone);
        assertEquals(409, zoneRefused.status(), zoneRefused.raw());
        assertEquals(200, rest.awaitJob(rest.delete("/zones/" + zone + "?deleteMode=Enforcing")).status());
        assertEquals(0, count("/l2-networks", "zoneUuid=" + zone));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> m) { return (Map<String, ?>) m; }
}
