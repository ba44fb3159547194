package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins managed over REST and the shell on a running node: list, install from a file: URL, use, upgrade to a second
 * build, uninstall, with nothing of the plugin left afterwards; capabilities; and the refusals of bad requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginIT {
    private static final String SAMPLE = "io.kumo.sample";
    private KumoNode node;
    private Rest rest;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("plugins").start();
        rest = node.rest().login();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String fileUrl(String property) {
        return Path.of(System.getProperty(property)).toAbsolutePath().toUri().toString();
    }

    private List<String> pluginNames() throws Exception {
        Rest.Reply r = rest.get("/plugins");
        assertEquals(200, r.status(), r.raw());
        List<String> names = new ArrayList<>();
        r.body().path("inventories").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    @Test
    void aPluginIsInstalledUsedUpgradedAndUninstalledWhileTheNodeServes() throws Exception {
        List<String> before = pluginNames();
        assertFalse(before.contains(SAMPLE), before.toString());
        assertTrue(before.contains("io.kumo.simulator"), "the distribution's plugins are listed: " + before);
        assertFalse(before.contains("io.kumo.core"), "the kernel is not a plugin: " + before);
        assertEquals("SYS.1004", rest.get("/sample/greetings", "name", "bob").errorCode());

        // install from a file: URL
        Rest.Reply installed = rest.post("/plugins", Map.of("url", fileUrl("kumo.samplePlugin")), List.of(), List.of());
        assertEquals(200, installed.status(), installed.raw());
        JsonNode inv = installed.body().path("inventories").get(0);
        assertEquals(SAMPLE, inv.path("name").asText(), installed.raw());
        assertEquals("Active", inv.path("state").asText(), installed.raw());
        assertTrue(inv.path("location").asText().startsWith("file:"), installed.raw());

        Rest.Reply listed = waitFor(() -> rest.get("/plugins", "name", SAMPLE),
                r -> r.body() != null && r.body().path("inventories").path(0).path("operations").toString().contains("SayHello"));
        JsonNode sample = listed.body().path("inventories").get(0);
        assertEquals("0.1.0.SNAPSHOT", sample.path("version").asText(), listed.raw());
        assertEquals("[\"SayHello\"]", sample.path("operations").toString(), listed.raw());
        assertTrue(pluginNames().contains(SAMPLE));

        // its operation over REST, the shell and OpenAPI
        Rest.Reply hello = waitFor(() -> rest.get("/sample/greetings", "name", "bob"), r -> r.status() == 200);
        assertEquals("hello, bob", hello.body().path("greeting").asText(), hello.raw());
        assertTrue(rest.get("/openapi.json").raw().contains("\"SayHello\""));
        assertTrue(waitForShell("kumo:say-hello --name alice", out -> out.contains("hello, alice")).contains("hello, alice"));
        assertTrue(node.shell("kumo:query-plugin --name " + SAMPLE).contains(SAMPLE), "plugins are listed from the shell too");

        // installing it again is a conflict
        Rest.Reply again = rest.post("/plugins", Map.of("url", fileUrl("kumo.samplePlugin")), List.of(), List.of());
        assertEquals(409, again.status(), again.raw());
        assertEquals("SYS.1009", again.errorCode());

        // upgrade to the second build
        Rest.Reply upgraded = rest.put("/plugins/" + SAMPLE + "/actions", "upgradePlugin", Map.of("url", fileUrl("kumo.samplePluginV2")));
        assertEquals(200, upgraded.status(), upgraded.raw());
        assertEquals("0.2.0", upgraded.body().path("inventory").path("version").asText(), upgraded.raw());
        assertEquals(inv.path("bundleId").asLong(), upgraded.body().path("inventory").path("bundleId").asLong(), "updated in place");
        Rest.Reply hello2 = waitFor(() -> rest.get("/sample/greetings", "name", "bob"),
                r -> r.status() == 200 && "hello again, bob".equals(r.body().path("greeting").asText()));
        assertEquals("hello again, bob", hello2.body().path("greeting").asText(), hello2.raw());
        assertEquals("0.2.0", rest.get("/plugins", "name", SAMPLE).body().path("inventories").get(0).path("version").asText());

        // uninstall: nothing of it remains
        Rest.Reply removed = rest.delete("/plugins/" + SAMPLE);
        assertEquals(200, removed.status(), removed.raw());
        assertEquals(SAMPLE, removed.body().path("inventory").path("name").asText(), removed.raw());
        assertFalse(pluginNames().contains(SAMPLE));
        assertEquals(0, rest.get("/plugins", "name", SAMPLE).body().path("inventories").size());
        Rest.Reply gone = waitFor(() -> rest.get("/sample/greetings", "name", "bob"), r -> r.status() == 404);
        assertEquals("SYS.1004", gone.errorCode(), gone.raw());
        assertFalse(rest.get("/openapi.json").raw().contains("\"SayHello\""), "its OpenAPI entry is gone");
        assertFalse(node.shell("kumo:say-hello --name alice").contains("hello, alice"), "and its shell command");
        assertEquals(200, rest.get("/zones").status(), "the node kept serving");
    }

    /**
     * A Karaf archive of the sample plugin: its jar in the archive's Maven repository and a features repository naming
     * it, as a plugin's build makes one.
     */
    private static Path sampleKar(Path dir) throws Exception {
        String gav = "io/kumo/kumo-sample-plugin/0.1.0-SNAPSHOT/";
        Path kar = dir.resolve("kumo-sample-0.1.0-SNAPSHOT.kar");
        java.nio.file.Files.createDirectories(dir);
        try (var zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(kar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("repository/" + gav + "kumo-sample-plugin-0.1.0-SNAPSHOT.jar"));
            zip.write(java.nio.file.Files.readAllBytes(Path.of(System.getProperty("kumo.samplePlugin"))));
            zip.putNextEntry(new java.util.zip.ZipEntry("repository/" + gav + "kumo-sample-plugin-0.1.0-SNAPSHOT-features.xml"));
            zip.write(("<features name=\"kumo-sample-0.1.0\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">"
                    + "<feature name=\"kumo-sample\" version=\"0.1.0.SNAPSHOT\"><feature>kumo-core</feature>"
                    + "<bundle>mvn:io.kumo/kumo-sample-plugin/0.1.0-SNAPSHOT</bundle></feature></features>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return kar;
    }

    /**
     * @return how many times Karaf's features service has refreshed bundles (it logs "Refreshing bundles:"; a refresh
     *         restarts every bundle wired to those refreshed, and a refresh of the system bundle restarts Karaf)
     */
    private long refreshes() throws Exception {
        return node.log().lines().filter(l -> l.contains("Refreshing bundles:")
                || l.contains("The system bundle needs to be refreshed")).count();
    }

    @Test
    void aKarDroppedIntoDeployOrPostedAndAFeaturesRepositoryInstallWithoutRestartingTheKernel() throws Exception {
        Path kar = sampleKar(Path.of(System.getProperty("kumo.itests.work", "target/nodes"), "kar-" + System.nanoTime()));
        long refreshes = refreshes();
        try {
            Path deployed = node.deploy(kar);
            Rest.Reply hello = waitFor(() -> rest.get("/sample/greetings", "name", "kar"), r -> r.status() == 200);
            assertTrue(hello.raw().contains("kar"), hello.raw());
            assertEquals(refreshes, refreshes(), "installing the kar refreshed no bundle:\n" + node.logTail());
            node.undeploy(deployed);
            waitFor(() -> rest.get("/sample/greetings", "name", "kar"), r -> r.status() == 404);
            assertFalse(pluginNames().contains(SAMPLE));

            Rest.Reply posted = rest.post("/plugins", Map.of("url", kar.toAbsolutePath().toUri().toString()), List.of(), List.of());
            assertEquals(200, posted.status(), posted.raw());
            assertTrue(posted.raw().contains("SayHello"), posted.raw());
            assertEquals(200, waitFor(() -> rest.get("/sample/greetings", "name", "kar"), r -> r.status() == 200).status());
            assertEquals(refreshes, refreshes(), "installing the kar refreshed no bundle:\n" + node.logTail());
            Rest.Reply removed = rest.delete("/plugins/" + SAMPLE);
            assertEquals(200, removed.status(), removed.raw());
            waitFor(() -> rest.get("/sample/greetings", "name", "kar"), r -> r.status() == 404);

            // a features repository and the feature to install from it
            Path repository = kar.resolveSibling("sample-features.xml");
            java.nio.file.Files.writeString(repository, "<features name=\"kumo-sample-repo\" "
                    + "xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\"><feature name=\"kumo-sample-file\" "
                    + "version=\"0.1.0\"><feature>kumo-core</feature><bundle>" + fileUrl("kumo.samplePlugin")
                    + "</bundle></feature></features>");
            Rest.Reply noFeature = rest.post("/plugins", Map.of("url", repository.toUri().toString()), List.of(), List.of());
            assertEquals(400, noFeature.status(), noFeature.raw());
            Rest.Reply fromRepository = rest.post("/plugins", Map.of("url", repository.toUri().toString(),
                    "feature", "kumo-sample-file"), List.of(), List.of());
            assertEquals(200, fromRepository.status(), fromRepository.raw());
            assertEquals(200, waitFor(() -> rest.get("/sample/greetings", "name", "xml"), r -> r.status() == 200).status());
            assertEquals(refreshes, refreshes(), "installing the feature refreshed no bundle:\n" + node.logTail());
            assertEquals(200, rest.delete("/plugins/" + SAMPLE).status());
            waitFor(() -> rest.get("/sample/greetings", "name", "xml"), r -> r.status() == 404);
        } finally {
            rest.delete("/plugins/" + SAMPLE);  // leave the node as the other tests expect it; 404 if already gone
        }
    }

    @Test
    void capabilitiesSayWhatTheInstallationCanDo() throws Exception {
        Rest.Reply r = rest.get("/capabilities");
        assertEquals(200, r.status(), r.raw());
        assertTrue(r.body().path("hypervisorTypes").toString().contains("\"Simulator\""), r.raw());
        assertTrue(r.body().path("primaryStorageTypes").size() > 0, r.raw());
        assertTrue(r.body().path("backupStorageTypes").size() > 0, r.raw());
        assertTrue(r.body().path("l2NetworkTypes").toString().contains("\"L2NoVlanNetwork\""), r.raw());
        assertEquals("[\"L3BasicNetwork\"]", r.body().path("l3NetworkTypes").toString(), r.raw());
        JsonNode modules = r.body().path("licensedModules");
        assertEquals(4, modules.size(), r.raw());
        for (JsonNode m : modules) {
            assertFalse(m.path("available").asBoolean(), "no licensed plugin in the distribution: " + m);
            String licence = m.path("licence").asText();
            assertTrue(List.of("Licensed", "Expired", "Unlicensed").contains(licence), m.toString());
            assertEquals("Licensed".equals(licence), m.path("licensed").asBoolean(), "licensed says whether it may be used: " + m);
        }
        assertTrue(node.shell("kumo:get-capabilities").contains("Simulator"), "and from the shell");
    }

    @Test
    void badRequestsAreRefusedWithACodeAndNothingChanges() throws Exception {
        List<String> before = pluginNames();

        Rest.Reply unknown = rest.delete("/plugins/com.example.nothing");
        assertEquals(404, unknown.status(), unknown.raw());
        assertEquals("SYS.1006", unknown.errorCode());

        Rest.Reply kernel = rest.delete("/plugins/io.kumo.core");
        assertEquals(400, kernel.status(), kernel.raw());
        assertEquals("SYS.1007", kernel.errorCode());
        assertTrue(kernel.raw().contains("kernel"), kernel.raw());
        Rest.Reply kernelUpgrade = rest.put("/plugins/io.kumo.rest/actions", "upgradePlugin", Map.of("url", fileUrl("kumo.samplePluginV2")));
        assertEquals(400, kernelUpgrade.status(), kernelUpgrade.raw());

        Rest.Reply ftp = rest.post("/plugins", Map.of("url", "ftp://example.com/plugin.jar"), List.of(), List.of());
        assertEquals(400, ftp.status(), ftp.raw());
        assertEquals("SYS.1007", ftp.errorCode());
        assertTrue(ftp.raw().contains("ftp"), ftp.raw());
        Rest.Reply missing = rest.post("/plugins", Map.of("url", "file:/nonexistent/plugin.jar"), List.of(), List.of());
        assertEquals(400, missing.status(), missing.raw());
        assertEquals("SYS.1007", missing.errorCode());
        Rest.Reply noUrl = rest.post("/plugins", Map.of(), List.of(), List.of());
        assertEquals(400, noUrl.status(), noUrl.raw());

        assertEquals(before, pluginNames(), "nothing was installed or removed");
        assertEquals(200, rest.get("/zones").status());
    }

    private static Rest.Reply waitFor(Callable<Rest.Reply> call, Predicate<Rest.Reply> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Rest.Reply r = call.call();
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            r = call.call();
        }
        return r;
    }

    private String waitForShell(String command, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String out = node.shell(command);
        while (!done.test(out) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            out = node.shell(command);
        }
        return out;
    }
}
