package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Storage, images and offerings over REST on a real node, with the simulator backends (SimulatorPrimaryStorage at
 * POST /primary-storage/simulators, SimulatorBackupStorage at POST /backup-storage/simulators). Attaching primary
 * storage is checked only when clusters can be created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageImageIT {
    private static final long GIB = 1L << 30;
    private KumoNode node;
    private Rest rest;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("storage").start();
        rest = node.rest().login();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private JsonNode ok(Rest.Reply accepted) throws Exception {
        Rest.Reply r = rest.awaitJob(accepted);
        assertEquals(200, r.status(), r.raw());
        return r.body().path("inventory");
    }

    @Test
    void primaryAndBackupStorageImagesAndOfferings() throws Exception {
        String zone = rest.createZone("storage-zone", List.of()).path("uuid").asText();

        JsonNode ps = ok(rest.post("/primary-storage/simulators", Map.of("name", "ps1", "url", "/sim/ps1", "zoneUuid", zone,
                "totalCapacity", 100 * GIB, "availableCapacity", 100 * GIB), List.of(), List.of()));
        String psUuid = ps.path("uuid").asText();
        assertEquals("Connected", ps.path("status").asText(), ps.toString());
        assertEquals("SimulatorPrimaryStorage", ps.path("type").asText());
        assertEquals(100 * GIB, ps.path("totalCapacity").asLong());

        Rest.Reply badZone = rest.post("/primary-storage/simulators", Map.of("name", "x", "url", "/x",
                "zoneUuid", "ffffffffffffffffffffffffffffffff", "totalCapacity", GIB, "availableCapacity", GIB), List.of(), List.of());
        assertEquals(404, badZone.status(), badZone.raw());

        Rest.Reply cluster = rest.awaitJob(rest.post("/clusters", Map.of("name", "c1", "zoneUuid", zone, "hypervisorType", "Simulator"), List.of(), List.of()));
        if (cluster.status() == 200) {
            String clusterUuid = cluster.body().path("inventory").path("uuid").asText();
            JsonNode attached = ok(rest.post("/clusters/" + clusterUuid + "/primary-storage/" + psUuid, Map.of(), List.of(), List.of()));
            assertEquals(clusterUuid, attached.path("attachedClusterUuids").get(0).asText());
            assertEquals(409, rest.delete("/primary-storage/" + psUuid).status(), "attached storage is not deleted");
            ok(rest.delete("/clusters/" + clusterUuid + "/primary-storage/" + psUuid));
        }
        assertEquals("Disabled", ok(rest.put("/primary-storage/" + psUuid + "/actions", "changePrimaryStorageState",
                Map.of("stateEvent", "disable"))).path("state").asText());
        assertEquals("ps1-x", ok(rest.put("/primary-storage/" + psUuid + "/actions", "updatePrimaryStorage",
                Map.of("name", "ps1-x"))).path("name").asText());
        assertEquals("Connected", ok(rest.put("/primary-storage/" + psUuid + "/actions", "reconnectPrimaryStorage", Map.of())).path("status").asText());
        assertEquals(1, rest.get("/primary-storage", "q", "uuid=" + psUuid).body().path("inventories").size());

        JsonNode bs = ok(rest.post("/backup-storage/simulators", Map.of("name", "bs1", "url", "/sim/bs1",
                "totalCapacity", 100 * GIB, "availableCapacity", 100 * GIB), List.of(), List.of()));
        String bsUuid = bs.path("uuid").asText();
        Rest.Reply notAttached = rest.post("/images", Map.of("name", "img", "url", "http://example.com/img.qcow2",
                "format", "qcow2", "backupStorageUuids", List.of(bsUuid)), List.of(), List.of());
        assertEquals(409, notAttached.status(), "backup storage in no zone: " + notAttached.raw());
        JsonNode attachedBs = ok(rest.post("/zones/" + zone + "/backup-storage/" + bsUuid, Map.of(), List.of(), List.of()));
        assertEquals(zone, attachedBs.path("attachedZoneUuids").get(0).asText());

        Rest.Reply badUrl = rest.post("/images", Map.of("name", "img", "url", "ftp://example.com/img",
                "backupStorageUuids", List.of(bsUuid)), List.of(), List.of());
        assertEquals(400, badUrl.status(), badUrl.raw());
        JsonNode image = ok(rest.post("/images", Map.of("name", "img", "url", "http://example.com/img.qcow2",
                "format", "qcow2", "mediaType", "RootVolumeTemplate", "backupStorageUuids", List.of(bsUuid)), List.of(), List.of()));
        String imageUuid = image.path("uuid").asText();
        assertEquals("Ready", image.path("status").asText(), image.toString());
        assertEquals(bsUuid, image.path("backupStorageRefs").get(0).path("backupStorageUuid").asText());
        assertTrue(rest.get("/backup-storage/" + bsUuid).body().path("inventories").get(0).path("availableCapacity").asLong() < 100 * GIB,
                "the image's size is accounted on the backup storage");
        assertEquals(409, rest.delete("/backup-storage/" + bsUuid).status(), "Permissive refuses while images are on it");

        ok(rest.delete("/images/" + imageUuid));
        assertEquals("Deleted", rest.get("/images/" + imageUuid).body().path("inventories").get(0).path("status").asText());
        assertEquals("Ready", ok(rest.put("/images/" + imageUuid + "/actions", "recoverImage", Map.of())).path("status").asText());
        ok(rest.delete("/images/" + imageUuid));
        assertEquals(200, rest.awaitJob(rest.put("/images/" + imageUuid + "/actions", "expungeImage", Map.of())).status());
        assertEquals(0, rest.get("/images/" + imageUuid).body().path("inventories").size());

        JsonNode io = ok(rest.post("/instance-offerings", Map.of("name", "small", "cpuNum", 2, "memorySize", 2 * GIB), List.of(), List.of()));
        assertEquals("DefaultHostAllocatorStrategy", io.path("allocatorStrategy").asText());
        assertEquals(400, rest.post("/instance-offerings", Map.of("name", "tiny", "cpuNum", 1, "memorySize", 1024), List.of(), List.of()).status());
        assertEquals("Disabled", ok(rest.put("/instance-offerings/" + io.path("uuid").asText() + "/actions", "changeInstanceOfferingState",
                Map.of("stateEvent", "disable"))).path("state").asText());
        JsonNode disk = ok(rest.post("/disk-offerings", Map.of("name", "10g", "diskSize", 10 * GIB), List.of(), List.of()));
        assertEquals(10 * GIB, rest.get("/disk-offerings/" + disk.path("uuid").asText()).body().path("inventories").get(0).path("diskSize").asLong());
        ok(rest.delete("/disk-offerings/" + disk.path("uuid").asText()));

        Rest.Reply bsDeleted = rest.awaitJob(rest.delete("/backup-storage/" + bsUuid));
        assertEquals(200, bsDeleted.status(), bsDeleted.raw());
        Rest.Reply psDeleted = rest.awaitJob(rest.delete("/primary-storage/" + psUuid));
        assertEquals(200, psDeleted.status(), psDeleted.raw());
        // the zone still holds the cluster: Enforcing deletes it with the zone
        Rest.Reply zoneDeleted = rest.awaitJob(rest.delete("/zones/" + zone + "?deleteMode=Enforcing"));
        assertEquals(200, zoneDeleted.status(), zoneDeleted.raw());
    }
}
