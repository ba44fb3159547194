package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KVM storage plugins on a real node over REST: an image store on a temporary directory downloads an image from
 * an HTTP server of the test (format, size and md5 detected), local primary storage with hostAccess=local makes the
 * root volume of a VM (on a simulator host, which ignores disks) as a real qcow2 overlay of the cached image, and
 * expunging the VM removes the file. A download cut half-way fails its job and leaves no file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvmStorageIT {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    private KumoNode node;
    private Rest rest;
    private HttpServer http;
    private Path dir;
    private Path imageFile;

    @BeforeAll
    void boot() throws Exception {
        dir = Files.createTempDirectory("kvm-storage-it");
        imageFile = dir.resolve("served/disk.qcow2");
        Files.createDirectories(imageFile.getParent());
        run("qemu-img", "create", "-q", "-f", "qcow2", imageFile.toString(), Long.toString(64 * MIB));
        run("qemu-io", "-f", "qcow2", "-c", "write -P 0x5a 0 1M", imageFile.toString());
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/disk.qcow2", ex -> {
            byte[] data = Files.readAllBytes(imageFile);
            ex.sendResponseHeaders(200, data.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(data);
            }
        });
        http.createContext("/drop.qcow2", ex -> {
            ex.sendResponseHeaders(200, 8 * MIB);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[(int) MIB]);
            out.flush();
            ex.close(); // the body stops a MiB in: the connection is cut
        });
        http.start();
        node = KumoNode.install("kvm-storage").start();
        rest = node.rest().login();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && (rest.get("/vm-instances").status() == 404
                || rest.get("/primary-storage").status() == 404)) {
            Thread.sleep(250);
        }
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
        if (http != null) {
            http.stop(0);
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    }

    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    /** POSTs and waits for the job; the route of a plugin's add operation may come a moment after the node answers. */
    private JsonNode created(String path, Map<String, ?> params) throws Exception {
        Rest.Reply r = rest.awaitJob(rest.post(path, params, List.of(), List.of()));
        for (int i = 0; i < 120 && (r.status() == 404 || r.status() == 405) && !path.contains("/zones/"); i++) {
            Thread.sleep(250);
            r = rest.awaitJob(rest.post(path, params, List.of(), List.of()));
        }
        assertEquals(200, r.status(), path + " " + r.raw());
        return r.body().path("inventory");
    }

    private String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Test
    void imageStoreAndLocalStorageForAVm() throws Exception {
        String zone = rest.createZone(unique("zone"), List.of()).path("uuid").asText();

        // image store on a directory of this node
        Path bsDir = dir.resolve("bs");
        JsonNode bs = created("/backup-storage/image-store", Map.of("name", "store", "url", bsDir.toString(),
                "hostname", "127.0.0.1", "username", "root", "password", "unused"));
        String bsUuid = bs.path("uuid").asText();
        assertEquals("ImageStoreBackupStorage", bs.path("type").asText());
        assertEquals("Connected", bs.path("status").asText(), bs.toString());
        assertTrue(bs.path("totalCapacity").asLong() > 0, bs.toString());
        assertFalse(bs.toString().contains("unused"), "the password is never returned");
        Rest.Reply remote = rest.awaitJob(rest.post("/backup-storage/image-store", Map.of("name", "far",
                "url", dir.resolve("far").toString(), "hostname", "192.0.2.7"), List.of(), List.of()));
        assertNotEquals(200, remote.status(), "an image store on another host is refused: " + remote.raw());
        created("/zones/" + zone + "/backup-storage/" + bsUuid, Map.of());

        JsonNode img = created("/images", Map.of("name", "disk", "url", base() + "/disk.qcow2", "format", "qcow2",
                "mediaType", "RootVolumeTemplate", "backupStorageUuids", List.of(bsUuid)));
        String imageUuid = img.path("uuid").asText();
        assertEquals("Ready", img.path("status").asText(), img.toString());
        assertEquals("qcow2", img.path("format").asText());
        assertEquals(64 * MIB, img.path("size").asLong());
        assertEquals(Files.size(imageFile), img.path("actualSize").asLong());
        byte[] served = Files.readAllBytes(imageFile);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(served)), img.path("md5Sum").asText());
        Path stored = Path.of(img.path("backupStorageRefs").path(0).path("installPath").asText());
        assertEquals(bsDir.resolve("images/" + imageUuid + ".qcow2"), stored);
        assertArrayEquals(served, Files.readAllBytes(stored));

        // the export servlet answers on the node's HTTP port; unknown links are 404s
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + node.ports().get("http") + "/imagestore/download/nosuchtoken/" + imageUuid + ".qcow2")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no such exported image"), unknown.body());

        // local primary storage seen by this node, attached to a simulator cluster
        Path psDir = dir.resolve("ps");
        JsonNode ps = created("/primary-storage/local-storage", Map.of("name", "local", "url", psDir.toString(),
                "zoneUuid", zone, "hostAccess", "local"));
        String psUuid = ps.path("uuid").asText();
        assertEquals("LocalStorage", ps.path("type").asText());
        assertEquals("Connected", ps.path("status").asText(), ps.toString());
        assertTrue(ps.path("totalCapacity").asLong() > 0, ps.toString());
        assertEquals(400, rest.post("/primary-storage/local-storage", Map.of("name", "bad", "url", psDir.toString(),
                "zoneUuid", zone, "hostAccess", "nfs"), List.of(), List.of()).status());

        String cluster = created("/clusters", Map.of("zoneUuid", zone, "name", unique("c"), "hypervisorType", "Simulator"))
                .path("uuid").asText();
        created("/hosts/simulators", Map.of("name", unique("host"), "managementIp", "10.77.0.1", "clusterUuid", cluster,
                "cpuCapacity", 4, "memoryCapacity", 8 * GIB));
        created("/clusters/" + cluster + "/primary-storage/" + psUuid, Map.of());
        String l2 = created("/l2-networks/no-vlan", Map.of("name", "l2", "zoneUuid", zone, "physicalInterface", "eth0"))
                .path("uuid").asText();
        created("/l2-networks/" + l2 + "/clusters/" + cluster, Map.of());
        String l3 = created("/l3-networks", Map.of("name", "l3", "l2NetworkUuid", l2, "category", "Private")).path("uuid").asText();
        created("/l3-networks/" + l3 + "/ip-ranges", Map.of("name", "r", "startIp", "10.100.0.10", "endIp", "10.100.0.20",
                "netmask", "255.255.255.0", "gateway", "10.100.0.1"));
        String offering = created("/instance-offerings", Map.of("name", "small", "cpuNum", 1, "memorySize", GIB))
                .path("uuid").asText();

        JsonNode vm = created("/vm-instances", Map.of("name", "vm1", "instanceOfferingUuid", offering,
                "imageUuid", imageUuid, "l3NetworkUuids", List.of(l3)));
        String vmUuid = vm.path("uuid").asText();
        JsonNode root = rest.get("/volumes/" + vm.path("rootVolumeUuid").asText()).body().path("inventories").path(0);
        Path rootFile = Path.of(root.path("installPath").asText());
        assertEquals(psDir.resolve("rootVolumes/" + root.path("uuid").asText() + ".qcow2"), rootFile);
        assertTrue(Files.exists(rootFile));
        String info = output("qemu-img", "info", "--output=json", "-U", rootFile.toString());
        Path cached = psDir.resolve("imagecache/" + imageUuid + ".qcow2");
        assertTrue(info.contains("\"backing-filename\": \"" + cached + "\""), info);
        assertTrue(info.contains("\"backing-filename-format\": \"qcow2\""), info);
        assertArrayEquals(served, Files.readAllBytes(cached), "the cache holds the image's bytes");

        assertEquals(200, rest.awaitJob(rest.delete("/vm-instances/" + vmUuid)).status());
        Rest.Reply expunged = rest.awaitJob(rest.put("/vm-instances/" + vmUuid + "/actions", "expungeVmInstance", Map.of()));
        assertEquals(200, expunged.status(), expunged.raw());
        assertFalse(Files.exists(rootFile), "expunging the VM deletes its root volume");
        assertTrue(Files.exists(cached), "the image cache stays for the next VM");
    }

    @Test
    void aDownloadCutHalfWayFailsAndLeavesNothing() throws Exception {
        String zone = rest.createZone(unique("zone"), List.of()).path("uuid").asText();
        Path bsDir = dir.resolve("bs-drop");
        String bsUuid = created("/backup-storage/image-store", Map.of("name", "store2", "url", bsDir.toString(),
                "hostname", "localhost")).path("uuid").asText();
        created("/zones/" + zone + "/backup-storage/" + bsUuid, Map.of());
        Rest.Reply failed = rest.awaitJob(rest.post("/images", Map.of("name", "cut", "url", base() + "/drop.qcow2",
                "format", "qcow2", "mediaType", "RootVolumeTemplate", "backupStorageUuids", List.of(bsUuid)), List.of(), List.of()));
        assertNotEquals(200, failed.status(), failed.raw());
        assertTrue(failed.raw().contains("drop.qcow2"), "the error names the download: " + failed.raw());
        for (JsonNode image : rest.get("/images", "q", "name=cut").body().path("inventories")) {
            assertNotEquals("Ready", image.path("status").asText(), image.toString());
        }
        try (var files = Files.list(bsDir.resolve("images"))) {
            assertEquals(List.of(), files.toList(), "no partial file is left");
        }
    }
}
