package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** State survives a restart; a crash in the middle of a multi-step job leaves nothing half-made. */
class RestartAndCrashIT {

    @Test
    void zonesSurviveARestart() throws Exception {
        try (KumoNode node = KumoNode.install("restart")) {
            node.start();
            Rest rest = node.rest().login();
            String uuid = rest.createZone("persistent-zone", List.of("kept")).path("uuid").asText();
            JsonNode before = rest.get("/management-nodes").body().path("inventories").get(0);
            node.stop();

            node.start();
            rest = node.rest().login();
            JsonNode zones = rest.get("/zones/" + uuid).body().path("inventories");
            assertEquals(1, zones.size(), "the zone is still there after a restart");
            assertEquals("persistent-zone", zones.get(0).path("name").asText());
            assertEquals(1, rest.get("/zones", "q", "__userTag__=kept").body().path("inventories").size());
            JsonNode after = rest.get("/management-nodes").body().path("inventories").get(0);
            assertEquals(before.path("uuid").asText(), after.path("uuid").asText(), "the node keeps its identity");
            assertEquals(before.path("joinDate").asText(), after.path("joinDate").asText());
        }
    }

    @Test
    void killDuringAMultiStepJobRollsItBackAtRestart() throws Exception {
        try (KumoNode node = KumoNode.install("crash")) {
            node.start();
            Rest rest = node.rest().login();
            String delay = "/global-configurations/job/debugStepDelay/actions";
            assertEquals(200, rest.awaitJob(rest.put(delay, "updateGlobalConfig", Map.of("value", "3000"))).status());

            Rest.Reply accepted = rest.post("/zones", Map.of("name", "half-made"), List.of(), List.of("doomed"));
            assertEquals(202, accepted.status(), accepted.raw());
            String location = accepted.body().path("location").asText();
            // wait until the zone row exists and the job is in its second step (attach-tags)
            JsonNode job = null;
            for (int i = 0; i < 200; i++) {
                job = rest.send("GET", location, null).body();
                if ("attach-tags".equals(job.path("currentStep").asText())) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals("attach-tags", job.path("currentStep").asText(), String.valueOf(job));
            assertEquals(1, rest.get("/zones", "q", "name=half-made").body().path("inventories").size(), "step 1 committed the zone");

            node.kill();
            node.start();
            rest = node.rest().login();
            Rest.Reply result = rest.awaitJob(new Rest.Reply(202, Rest.JSON.createObjectNode().put("location", location), "", Map.of()));
            assertEquals(503, result.status(), result.raw());
            assertTrue(result.body().path("error").path("details").asText().contains("stopped"), result.raw());
            assertEquals(0, rest.get("/zones", "q", "name=half-made").body().path("inventories").size(), "the half-made zone was rolled back");
            assertEquals(0, rest.get("/user-tags", "q", "tag=doomed").body().path("inventories").size());
            assertTrue(node.log().contains("recovered"), "the recovery is logged");
            assertEquals(200, rest.awaitJob(rest.put(delay, "updateGlobalConfig", Map.of("value", "0"))).status());
        }
    }
}
