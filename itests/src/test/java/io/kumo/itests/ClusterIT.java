package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import io.kumo.core.node.ConsistentHashRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two management nodes sharing one MariaDB database and one Artemis broker (node A's, node B connects to it):
 * both serve the API, an operation runs on the node owning its key whichever node received it, and when a node dies
 * the other takes over its unfinished job and rolls it back. Needs the MariaDB server that ./kumo test starts.
 */
@EnabledIfEnvironmentVariable(named = "KUMO_TEST_MARIADB_URL", matches = ".+")
class ClusterIT {

    @Test
    void twoNodesShareTheWorkAndTakeOverFromEachOther() throws Exception {
        String database = "kumo_cluster_" + UUID.randomUUID().toString().substring(0, 8);
        String server = System.getenv("KUMO_TEST_MARIADB_URL");
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        String url = server.replaceFirst("/(\\?|$)", "/" + database + "$1").replace("?user=root", "?useMysqlMetadata=true");
        try (KumoNode a = KumoNode.install("cluster-a"); KumoNode b = KumoNode.install("cluster-b")) {
            for (KumoNode n : List.of(a, b)) {
                n.env("KUMO_DB_DRIVER", "org.mariadb.jdbc.Driver").env("KUMO_DB_URL", url).env("KUMO_DB_USER", "root").env("KUMO_DB_PASSWORD", "");
            }
            a.start();
            b.env("KUMO_BUS_EMBEDDED", "false").env("KUMO_BUS_URL", "tcp://127.0.0.1:" + a.ports().get("bus")).start();
            Rest ra = a.rest().login();
            Rest rb = b.rest();
            rb.useSession(ra.session());
            assertEquals(200, rb.get("/zones").status(), "a session from node A works on node B (shared database)");

            // a policy attached through node A binds the user's next call on node B at once: A's event empties B's cache
            // of the user's policies (without the event B would trust its cache for a minute)
            String tenantName = "cluster-t-" + UUID.randomUUID().toString().substring(0, 8);
            assertEquals(200, ra.post("/accounts", Map.of("name", tenantName, "password", Rest.sha512("pw")), List.of(), List.of()).status());
            Rest ta = new Rest(ra.base()).login(tenantName, "pw");
            String user = ta.post("/accounts/users", Map.of("name", "u", "password", Rest.sha512("pw")), List.of(), List.of())
                    .body().path("inventory").path("uuid").asText();
            Rest ub = new Rest(rb.base());
            ub.useSession(new Rest(rb.base()).put("/accounts/users/login", "logInByUser", Map.of("accountName", tenantName,
                    "userName", "u", "password", Rest.sha512("pw"))).body().path("inventory").path("uuid").asText());
            assertEquals(200, ub.get("/instance-offerings").status(), "a user reads without a policy");
            String deny = ta.post("/accounts/policies", Map.of("name", "no-reads", "statements", List.of(Map.of("effect", "Deny",
                    "actions", List.of("*")))), List.of(), List.of()).body().path("inventory").path("uuid").asText();
            assertEquals(200, ta.post("/accounts/users/" + user + "/policies", Map.of("policyUuid", deny), List.of(), List.of()).status());
            int status = 200;
            for (long end = System.currentTimeMillis() + 10_000; status == 200 && System.currentTimeMillis() < end; Thread.sleep(100)) {
                status = ub.get("/instance-offerings").status();
            }
            assertEquals(403, status, "node B applies the policy attached through node A");

            JsonNode nodes = ra.get("/management-nodes", "q", "state=Running").body().path("inventories");
            assertEquals(2, nodes.size(), nodes.toString());
            String nodeA = a.nodeUuid();
            String nodeB = b.nodeUuid();
            ConsistentHashRing ring = new ConsistentHashRing(List.of(nodeA, nodeB));

            // both nodes take requests for keys either of them owns
            for (Rest via : List.of(ra, rb)) {
                for (String owner : List.of(nodeA, nodeB)) {
                    String uuid = ownedBy(ring, owner);
                    Rest.Reply r = via.awaitJob(via.post("/zones", Map.of("name", "zone-of-" + owner.substring(0, 6), "resourceUuid", uuid), List.of(), List.of()));
                    assertEquals(200, r.status(), r.raw());
                    assertEquals(1, ra.get("/zones/" + uuid).body().path("inventories").size());
                }
            }

            // node B dies in the middle of a job it owns (submitted through node A): node A takes it over and rolls it back
            for (String[] setting : new String[][] {{"managementNode", "heartbeatInterval", "1"}, {"managementNode", "nodeTimeout", "8"},
                    {"job", "debugStepDelay", "2000"}}) {
                Rest.Reply r = ra.awaitJob(ra.put("/global-configurations/" + setting[0] + "/" + setting[1] + "/actions",
                        "updateGlobalConfig", Map.of("value", setting[2])));
                assertEquals(200, r.status(), r.raw());
            }
            // both nodes are still members after the new heartbeat settings have reached them
            Thread.sleep(2000);
            assertEquals(2, ra.get("/management-nodes", "q", "state=Running").body().path("inventories").size());
            String doomed = ownedBy(ring, nodeB);
            Rest.Reply accepted = ra.post("/zones", Map.of("name", "half-made-on-b", "resourceUuid", doomed), List.of(), List.of("doomed"));
            assertEquals(202, accepted.status(), accepted.raw());
            String location = accepted.body().path("location").asText();
            JsonNode job = null;
            for (int i = 0; i < 200; i++) {
                job = ra.send("GET", location, null).body();
                if ("attach-tags".equals(job.path("currentStep").asText())) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals("attach-tags", job.path("currentStep").asText(), String.valueOf(job));
            assertEquals(1, ra.get("/zones/" + doomed).body().path("inventories").size());
            b.kill();

            Rest.Reply result = ra.awaitJob(new Rest.Reply(202, Rest.JSON.createObjectNode().put("location", location), "", Map.of()));
            assertEquals(503, result.status(), result.raw());
            assertTrue(result.body().path("error").path("details").asText().contains("stopped"), result.raw());
            assertEquals(0, ra.get("/zones/" + doomed).body().path("inventories").size(), "node A rolled back node B's half-made zone");
            assertTrue(a.log().contains("took over job"), "the takeover is logged");
            JsonNode running = ra.get("/management-nodes", "q", "state=Running").body().path("inventories");
            assertEquals(1, running.size(), running.toString());
            assertEquals(200, ra.awaitJob(ra.put("/global-configurations/job/debugStepDelay/actions", "updateGlobalConfig", Map.of("value", "0"))).status());
        } finally {
            try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static String ownedBy(ConsistentHashRing ring, String node) {
        while (true) {
            String uuid = UUID.randomUUID().toString().replace("-", "");
            if (ring.ownerOf(uuid).equals(node)) {
                return uuid;
            }
        }
    }
}
