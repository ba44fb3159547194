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
 * The KVM plugin in the distribution: its bundle (libvirt-java and JNA embedded) resolves, the KVM type is offered,
 * and {@code AddKVMHost} at {@code POST /hosts/kvm} connects a host through libvirt's test driver, or fails with what
 * to check and leaves no host behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvmPluginIT {
    private KumoNode node;
    private Rest rest;
    private String clusterUuid;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("kvm-plugin").start();
        rest = node.rest().login();
        String zoneUuid = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
        Rest.Reply c = rest.awaitJob(rest.post("/clusters", Map.of("zoneUuid", zoneUuid, "name", unique("kvm"),
                "hypervisorType", "KVM"), List.of(), List.of()));
        assertEquals(200, c.status(), c.raw());
        clusterUuid = c.body().path("inventory").path("uuid").asText();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    private Rest.Reply addHost(String ip, String uri) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("name", unique("kvm-host"));
        p.put("managementIp", ip);
        p.put("clusterUuid", clusterUuid);
        p.put("username", "root");
        p.put("password", "not-logged-" + ip);
        p.put("libvirtUri", uri);
        p.put("kvm.connectTimeoutSeconds", 10);
        return rest.awaitJob(rest.post("/hosts/kvm", p, List.of(), List.of()));
    }

    @Test
    void kvmIsOffered() throws Exception {
        Rest.Reply r = rest.get("/capabilities");
        assertEquals(200, r.status(), r.raw());
        assertTrue(r.body().path("hypervisorTypes").toString().contains("\"KVM\""), r.raw());
        assertTrue(node.shell("bundle:list -s").contains("io.kumo.kvm"), "the bundle is installed");
    }

    @Test
    void addsAHostThroughTheTestDriver() throws Exception {
        Rest.Reply r = addHost("127.0.0.21", "test:///default");
        assertEquals(200, r.status(), r.raw());
        JsonNode inv = r.body().path("inventory");
        assertEquals("Connected", inv.path("status").asText(), r.raw());
        assertEquals("KVM", inv.path("hypervisorType").asText());
        assertEquals(16, inv.path("cpuNum").asInt(), r.raw());  // the test driver's host
        assertEquals(4, inv.path("cpuSockets").asInt(), r.raw());
        assertEquals(3L << 30, inv.path("totalMemoryCapacity").asLong(), r.raw());
        assertFalse(r.raw().contains("not-logged-"), "the password is not returned");
        assertFalse(node.log().contains("not-logged-"), "nor logged");
    }

    @Test
    void anUnreachableHostFailsClearlyAndLeavesNothing() throws Exception {
        String ip = "127.0.0.22";
        Rest.Reply r = addHost(ip, "qemu+tcp://127.0.0.1:1/system");
        assertTrue(r.status() >= 400, r.raw());
        assertTrue(r.raw().contains("qemu+tcp://127.0.0.1:1/system") && r.raw().contains("libvirtd"), r.raw());
        Rest.Reply q = rest.get("/hosts", "q", "managementIp=" + ip);
        assertEquals(0, q.body().path("inventories").size(), q.raw());
        assertFalse(node.log().contains("not-logged-"), "the password is not logged");
    }

    @Test
    void aBadUriIsRefusedBeforeAnythingIsWritten() throws Exception {
        Rest.Reply r = rest.post("/hosts/kvm", Map.of("name", "bad", "managementIp", "127.0.0.23", "clusterUuid", clusterUuid,
                "username", "root", "password", "x", "libvirtUri", "xen:///system"), List.of(), List.of());
        assertEquals(400, r.status(), r.raw());
        assertEquals(0, rest.get("/hosts", "q", "managementIp=127.0.0.23").body().path("inventories").size());
    }
}
