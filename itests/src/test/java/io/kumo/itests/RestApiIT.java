package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ZStack v1 REST API of a real node: sessions, zones, tags, queries, global configuration, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestApiIT {
    private KumoNode node;
    private Rest rest;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("rest").start();
        rest = node.rest().login();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    @Test
    void sessionsLogInValidateAndLogOut() throws Exception {
        Rest other = new Rest(rest.base()).login();
        assertTrue(rest.get("/accounts/sessions/" + other.session() + "/valid").body().path("valid").asBoolean());
        assertEquals(200, other.get("/zones").status());
        assertEquals(200, other.delete("/accounts/sessions/" + other.session()).status());
        Rest.Reply afterLogout = other.get("/zones");
        assertEquals(401, afterLogout.status(), afterLogout.raw());
        assertEquals("ID.1001", afterLogout.errorCode());
        assertFalse(rest.get("/accounts/sessions/" + other.session() + "/valid").body().path("valid").asBoolean());

        Rest wrong = new Rest(rest.base());
        Rest.Reply r = wrong.put("/accounts/login", "logInByAccount", Map.of("accountName", "admin", "password", Rest.sha512("nope")));
        assertEquals(401, r.status(), r.raw());
        assertEquals("ID.1003", r.errorCode());
        assertEquals(401, new Rest(rest.base()).get("/zones").status(), "no session, no access");
    }

    @Test
    void zoneLifecycleOverRest() throws Exception {
        String name = unique("zone");
        Rest.Reply accepted = rest.post("/zones", Map.of("name", name, "description", "first"), List.of(), List.of());
        assertEquals(202, accepted.status(), accepted.raw());
        String location = accepted.body().path("location").asText();
        assertTrue(location.matches("http://127\\.0\\.0\\.1:\\d+/zstack/v1/api-jobs/[0-9a-f]{32}"), location);
        Rest.Reply done = rest.awaitJob(accepted);
        assertEquals(200, done.status(), done.raw());
        JsonNode zone = done.body().path("inventory");
        String uuid = zone.path("uuid").asText();
        assertEquals(name, zone.path("name").asText());
        assertEquals("Enabled", zone.path("state").asText());
        assertTrue(zone.path("createDate").isTextual(), "dates are strings: " + zone);

        JsonNode byUuid = rest.get("/zones/" + uuid).body().path("inventories");
        assertEquals(1, byUuid.size());
        assertEquals(name, byUuid.get(0).path("name").asText());
        assertEquals(uuid, rest.get("/zones", "q", "name=" + name).body().path("inventories").get(0).path("uuid").asText());

        Rest.Reply updated = rest.awaitJob(rest.put("/zones/" + uuid + "/actions", "updateZone", Map.of("name", name + "-x", "description", "second")));
        assertEquals(200, updated.status(), updated.raw());
        assertEquals(name + "-x", updated.body().path("inventory").path("name").asText());
        Rest.Reply disabled = rest.awaitJob(rest.put("/zones/" + uuid + "/actions", "changeZoneState", Map.of("stateEvent", "disable")));
        assertEquals("Disabled", disabled.body().path("inventory").path("state").asText(), disabled.raw());

        Rest.Reply deleted = rest.awaitJob(rest.delete("/zones/" + uuid + "?deleteMode=Permissive"));
        assertEquals(200, deleted.status(), deleted.raw());
        assertEquals(0, rest.get("/zones/" + uuid).body().path("inventories").size());
        assertEquals(404, rest.delete("/zones/" + uuid).status(), "deleting it again names the missing zone");
    }

    @Test
    void tagsOnZonesAndQueryByTag() throws Exception {
        String tag = unique("web");
        JsonNode zone = rest.createZone(unique("tagged"), List.of(tag));
        String uuid = zone.path("uuid").asText();
        JsonNode found = rest.get("/zones", "q", "__userTag__=" + tag).body().path("inventories");
        assertEquals(1, found.size(), found.toString());
        assertEquals(uuid, found.get(0).path("uuid").asText());

        Rest.Reply sys = rest.awaitJob(rest.post("/system-tags", Map.of("resourceType", "ZoneVO", "resourceUuid", uuid, "tag", "host::reserved=1"), List.of(), List.of()));
        assertEquals(200, sys.status(), sys.raw());
        String sysUuid = sys.body().path("inventory").path("uuid").asText();
        JsonNode sysTags = rest.get("/system-tags", "q", "resourceUuid=" + uuid).body().path("inventories");
        assertEquals(1, sysTags.size(), sysTags.toString());
        assertEquals("host::reserved=1", sysTags.get(0).path("tag").asText());
        assertEquals(1, rest.get("/zones", "q", "__systemTag__~=host::%").body().path("inventories").size());

        assertEquals(200, rest.awaitJob(rest.delete("/tags/" + sysUuid)).status());
        assertEquals(0, rest.get("/system-tags", "q", "resourceUuid=" + uuid).body().path("inventories").size());
        Rest.Reply unknownType = rest.post("/user-tags", Map.of("resourceType", "NoSuchVO", "resourceUuid", uuid, "tag", "x"), List.of(), List.of());
        assertEquals(400, unknownType.status(), unknownType.raw());
    }

    @Test
    void queryPagingSortingCountingAndFields() throws Exception {
        String prefix = unique("page");
        for (int i = 0; i < 5; i++) {
            rest.createZone(prefix + "-" + i, List.of());
        }
        JsonNode page = rest.get("/zones", "q", "name~=" + prefix + "%", "sort", "-name", "limit", "2", "start", "1", "replyWithCount", "true").body();
        assertEquals(5, page.path("total").asInt(), page.toString());
        assertEquals(2, page.path("inventories").size());
        assertEquals(prefix + "-3", page.path("inventories").get(0).path("name").asText());
        assertEquals(5, rest.get("/zones", "q", "name~=" + prefix + "%", "count", "true").body().path("total").asInt());
        JsonNode fields = rest.get("/zones", "q", "name=" + prefix + "-0", "fields", "uuid,name").body().path("inventories").get(0);
        assertTrue(fields.has("name") && fields.has("uuid") && !fields.has("state"), fields.toString());
        assertEquals(2, rest.get("/zones", "q", "name?=" + prefix + "-1," + prefix + "-2").body().path("inventories").size());
        assertEquals(4, rest.get("/zones", "q", "name~=" + prefix + "%", "q", "name!=" + prefix + "-4").body().path("inventories").size());
    }

    @Test
    void badInputGetsA4xxWithCodeAndWritesNothing() throws Exception {
        long before = rest.get("/zones", "count", "true").body().path("total").asLong();
        String longName = "x".repeat(300);
        Object[][] cases = {
                {rest.send("POST", "/zones", "{\"params\":{\"name\":"), 400, "SYS.1003"},
                {rest.send("POST", "/zones", "[1,2]"), 400, null},
                {rest.send("POST", "/zones", "{\"name\":\"no-params-wrapper\"}"), 400, null},
                {rest.post("/zones", Map.of(), List.of(), List.of()), 400, "SYS.1007"},
                {rest.post("/zones", Map.of("name", "ok", "colour", "blue"), List.of(), List.of()), 400, "SYS.1007"},
                {rest.post("/zones", Map.of("name", 42), List.of(), List.of()), 400, "SYS.1007"},
                {rest.post("/zones", Map.of("name", longName), List.of(), List.of()), 400, "SYS.1007"},
                {rest.post("/zones", Map.of("name", "ok", "resourceUuid", "not-a-uuid"), List.of(), List.of()), 400, "SYS.1007"},
                {rest.post("/zones", Map.of("name", "ok", "isDefault", "maybe"), List.of(), List.of()), 400, "SYS.1007"},
                {rest.put("/zones/not-a-uuid/actions", "updateZone", Map.of("name", "x")), 400, "SYS.1007"},
                {rest.put("/zones/" + "0".repeat(32) + "/actions", "updateZone", Map.of("name", "x")), 404, "SYS.1006"},
                {rest.put("/zones/" + "0".repeat(32) + "/actions", "paintZone", Map.of("name", "x")), 400, null},
                {rest.put("/zones/" + "0".repeat(32) + "/actions", "changeZoneState", Map.of("stateEvent", "explode")), 400, "SYS.1007"},
                {rest.get("/zones", "q", "colour=blue"), 400, "SYS.1011"},
                {rest.get("/zones", "q", "name"), 400, "SYS.1011"},
                {rest.get("/zones", "limit", "-1"), 400, "SYS.1007"},
                {rest.get("/zones", "q", "createDate>yesterday"), 400, "SYS.1011"},
                {rest.get("/no-such-things"), 404, "SYS.1004"},
                {rest.send("PATCH", "/zones", "{}"), 405, null},
                {rest.get("/api-jobs/" + "0".repeat(32)), 404, null},
                {new Rest(rest.base()).post("/zones", Map.of("name", "anon"), List.of(), List.of()), 401, "ID.1001"},
        };
        for (Object[] c : cases) {
            Rest.Reply r = (Rest.Reply) c[0];
            assertEquals(c[1], r.status(), r.raw());
            assertNotNull(r.body(), "errors are JSON: " + r.raw());
            assertTrue(r.body().path("error").path("description").asText().length() > 0, r.raw());
            assertTrue(r.body().path("error").path("details").asText().length() > 0, r.raw());
            if (c[2] != null) {
                assertEquals(c[2], r.errorCode(), r.raw());
            }
            assertFalse(r.raw().contains("Exception") || r.raw().contains("\tat ") || r.raw().contains("java."), "no trace: " + r.raw());
        }
        assertEquals(before, rest.get("/zones", "count", "true").body().path("total").asLong(), "nothing was written");
    }

    @Test
    void globalConfigurationIsTypedValidatedAndAppliedLive() throws Exception {
        JsonNode all = rest.get("/global-configurations").body().path("inventories");
        assertTrue(all.size() >= 6, all.toString());
        String path = "/global-configurations/api/jobRetentionHours/actions";
        assertEquals(400, rest.put(path, "updateGlobalConfig", Map.of("value", "abc")).status());
        assertEquals(400, rest.put(path, "updateGlobalConfig", Map.of("value", "0")).status());
        assertEquals(404, rest.put("/global-configurations/api/noSuchThing/actions", "updateGlobalConfig", Map.of("value", "1")).status());
        Rest.Reply ok = rest.awaitJob(rest.put(path, "updateGlobalConfig", Map.of("value", "48")));
        assertEquals(200, ok.status(), ok.raw());
        JsonNode inv = rest.get("/global-configurations", "q", "category=api", "q", "name=jobRetentionHours").body().path("inventories").get(0);
        assertEquals("48", inv.path("value").asText());
        assertEquals("24", inv.path("defaultValue").asText());
        assertTrue(inv.path("description").asText().length() > 10);
        assertEquals(200, rest.awaitJob(rest.put(path, "updateGlobalConfig", Map.of("value", "24"))).status());
    }

    @Test
    void managementNodeReportsVersionAndUptime() throws Exception {
        JsonNode nodes = rest.get("/management-nodes").body().path("inventories");
        assertEquals(1, nodes.size(), nodes.toString());
        assertEquals("Running", nodes.get(0).path("state").asText());
        assertTrue(nodes.get(0).path("version").asText().startsWith("0.1.0"), nodes.toString());
        assertTrue(nodes.get(0).has("uptimeSeconds"), nodes.toString());
    }

    @Test
    void openApiIsGeneratedFromTheRegistry() throws Exception {
        Rest.Reply r = new Rest(rest.base()).get("/openapi.json");
        assertEquals(200, r.status(), r.raw());
        JsonNode paths = r.body().path("paths");
        assertTrue(paths.has("/zones"), paths.toString());
        assertTrue(r.raw().contains("\"CreateZone\"") && r.raw().contains("\"QueryZone\"") && r.raw().contains("\"UpdateGlobalConfig\""));
    }

    @Test
    void theShellServesTheSameOperations() throws Exception {
        String name = unique("shell");
        String created = node.shell("kumo:create-zone --name " + name + " --description from-the-shell");
        assertTrue(created.contains(name), created);
        JsonNode viaRest = rest.get("/zones", "q", "name=" + name).body().path("inventories");
        assertEquals(1, viaRest.size(), "the shell's zone is visible over REST: " + created);
        String table = node.shell("kumo:query-zone --q name=" + name);
        assertTrue(table.contains(name) && table.contains("from-the-shell"), table);
        String json = node.shell("kumo:query-zone --json --q name=" + name);
        assertTrue(json.contains("\"inventories\"") && json.contains(name), json);
        String bad = node.shell("kumo:create-zone --colour blue");
        assertTrue(bad.contains("colour") && !bad.contains("\tat "), bad);
    }

    @Test
    void theBusServesTheSameOperations() throws Exception {
        String name = unique("bus");
        rest.createZone(name, List.of());
        try (BusClient bus = new BusClient(node.ports().get("bus"))) {
            BusClient.Reply query = bus.call(Map.of("operation", "QueryZone", "session", rest.session(),
                    "params", Map.of("q", List.of("name=" + name))));
            assertEquals(null, query.error(), String.valueOf(query));
            JsonNode inventories = query.body().path("result").path("inventories");
            assertEquals(1, inventories.size(), String.valueOf(query));
            assertEquals(name, inventories.get(0).path("name").asText());

            BusClient.Reply create = bus.call(Map.of("operation", "CreateZone", "session", rest.session(),
                    "params", Map.of("name", name + "-via-bus")));
            String jobId = create.body().path("jobId").asText();
            assertTrue(jobId.matches("[0-9a-f]{32}"), String.valueOf(create));
            assertEquals(200, rest.awaitJob(new Rest.Reply(202, Rest.JSON.createObjectNode()
                    .put("location", rest.base() + "/api-jobs/" + jobId), "", Map.of())).status());

            BusClient.Reply anonymous = bus.call(Map.of("operation", "QueryZone"));
            assertEquals("ID.1001", anonymous.error().path("code").asText(), String.valueOf(anonymous));
            BusClient.Reply invalid = bus.call(Map.of("operation", "CreateZone", "session", rest.session(), "params", Map.of("name", 7)));
            assertEquals("SYS.1007", invalid.error().path("code").asText(), String.valueOf(invalid));
        }
    }

    @Test
    void aPluginsOperationsComeAndGoWithItsBundle() throws Exception {
        assertEquals("SYS.1004", rest.get("/sample/greetings", "name", "bob").errorCode(), "not there before the plugin");
        java.nio.file.Path deployed = node.deploy(java.nio.file.Path.of(System.getProperty("kumo.samplePlugin")));
        Rest.Reply hello = waitFor(() -> rest.get("/sample/greetings", "name", "bob"), r -> r.status() == 200);
        assertEquals("hello, bob", hello.body().path("greeting").asText(), hello.raw());
        assertEquals(400, rest.get("/sample/greetings").status(), "the plugin's parameters are validated by the kernel");
        assertTrue(rest.get("/openapi.json").raw().contains("\"SayHello\""));
        assertTrue(node.shell("kumo:say-hello --name alice").contains("hello, alice"));

        node.undeploy(deployed);
        Rest.Reply gone = waitFor(() -> rest.get("/sample/greetings", "name", "bob"), r -> r.status() == 404);
        assertEquals("SYS.1004", gone.errorCode(), gone.raw());
        assertFalse(rest.get("/openapi.json").raw().contains("\"SayHello\""), "its OpenAPI entry is gone too");
        assertFalse(node.shell("kumo:say-hello --name alice").contains("hello, alice"), "and its shell command");
        assertEquals(200, rest.get("/zones").status(), "the node kept serving");
    }

    private static Rest.Reply waitFor(java.util.concurrent.Callable<Rest.Reply> call, java.util.function.Predicate<Rest.Reply> done)
            throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        Rest.Reply r = call.call();
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            r = call.call();
        }
        return r;
    }

    @Test
    void resourceEventsArePublishedOnTheBusTopic() throws Exception {
        try (BusClient bus = new BusClient(node.ports().get("bus"))) {
            var events = bus.subscribe("kumo.events");
            String uuid = rest.createZone(unique("evented"), List.of()).path("uuid").asText();
            assertEquals(200, rest.awaitJob(rest.put("/zones/" + uuid + "/actions", "updateZone", Map.of("description", "changed"))).status());
            assertEquals(200, rest.awaitJob(rest.put("/zones/" + uuid + "/actions", "changeZoneState", Map.of("stateEvent", "disable"))).status());
            assertEquals(200, rest.awaitJob(rest.delete("/zones/" + uuid)).status());

            List<String> seen = new java.util.ArrayList<>();
            JsonNode stateChange = null;
            for (JsonNode e = BusClient.next(events, 10_000); e != null && seen.size() < 4; e = BusClient.next(events, 10_000)) {
                if (uuid.equals(e.path("resourceUuid").asText())) {
                    assertEquals("zone", e.path("resourceType").asText(), e.toString());
                    assertEquals(uuid, e.path("inventory").path("uuid").asText(), "events carry the inventory: " + e);
                    assertTrue(e.path("nodeUuid").asText().matches("[0-9a-f]{32}"), e.toString());
                    seen.add(e.path("type").asText());
                    if ("STATE_CHANGED".equals(e.path("type").asText())) {
                        stateChange = e;
                    }
                }
            }
            assertEquals(List.of("CREATED", "UPDATED", "STATE_CHANGED", "DELETED"), seen);
            assertEquals("Enabled", stateChange.path("oldState").asText());
            assertEquals("Disabled", stateChange.path("newState").asText());
        }
    }
}
