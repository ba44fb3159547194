package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin developer kit end to end: {@code ./kumo new-plugin} generates a project from itests/plugin-template,
 * Maven builds it outside the reactor against the installed kumo-plugin-api (its own unit tests included), and a
 * node hot-deploys the jar from deploy/: the new operation answers over REST and the shell, its rows persist in the
 * plugin's own table (they are still there after the plugin is removed and installed again),
 * and its route goes when the plugin goes.
 */
class PluginTemplateIT {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @Test
    void aGeneratedPluginBuildsDeploysAnswersAndGoes() throws Exception {
        Path work = ROOT.resolve("itests/target/plugin-template-it/" + System.nanoTime());
        Path project = work.resolve("hello-world");
        Files.createDirectories(work);

        // Generate, with the generator's refusals.
        Result bad = run(work, List.of(ROOT.resolve("kumo").toString(), "new-plugin", "Hello_World"), 60);
        assertNotEquals(0, bad.code);
        assertTrue(bad.out.contains("invalid plugin name 'Hello_World'"), bad.out);
        Result generated = run(work, List.of(ROOT.resolve("kumo").toString(), "new-plugin", "hello-world",
                "--package", "com.example.hello", "--dir", project.toString()), 60);
        assertEquals(0, generated.code, generated.out);
        assertTrue(Files.exists(project.resolve("src/main/java/com/example/hello/CreateHelloWorldOperation.java")), generated.out);
        Result again = run(work, List.of(ROOT.resolve("kumo").toString(), "new-plugin", "hello-world", "--dir", project.toString()), 60);
        assertNotEquals(0, again.code);
        assertTrue(again.out.contains("exists and is not an empty directory"), again.out);
        try (var files = Files.walk(project)) {
            List<String> leftovers = files.filter(Files::isRegularFile).filter(f -> {
                try {
                    String s = Files.readString(f);
                    return s.contains("Greeting") || s.contains("greeting") || s.contains("io.kumo.template") || s.contains("kumo-plugin-template");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
            assertEquals(List.of(), leftovers, "every template name is replaced");
        }

        // Build it as a plugin author does, outside the reactor (this also runs the generated unit tests).
        Result build = run(project, maven("package"), 600);
        assertEquals(0, build.code, "mvn package of the generated plugin failed:\n" + build.out);
        Path jar = project.resolve("target/hello-world-" + VERSION + ".jar");
        assertTrue(Files.exists(jar), build.out);
        assertTrue(Files.readString(project.resolve("target/feature/feature.xml")).contains("mvn:com.example.hello/hello-world/" + VERSION),
                "the feature names the bundle");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            String manifest = new String(z.getInputStream(z.getEntry("META-INF/MANIFEST.MF")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("Bundle-SymbolicName: com.example.hello"), manifest);
            assertTrue(manifest.contains("Meta-Persistence: META-INF/persistence.xml"), manifest);
            assertTrue(z.getEntry("db/changelog/hello-world.xml") != null, "the plugin carries its schema");
        }

        try (KumoNode node = KumoNode.install("plugin-template").start()) {
            Rest rest = node.rest().login();
            assertEquals("SYS.1004", rest.get("/hello-worlds").errorCode(), "not there before the plugin");

            Path deployed = node.deploy(jar);
            Rest.Reply ready = waitFor(() -> rest.get("/hello-worlds"), r -> r.status() == 200);
            assertEquals(200, ready.status(), ready.raw() + "\n" + node.logTail());

            // REST: a job creates the greeting; a query finds it.
            Rest.Reply created = rest.awaitJob(rest.post("/hello-worlds", Map.of("name", "alice"), List.of(), List.of()));
            assertEquals(200, created.status(), created.raw());
            JsonNode alice = created.body().path("inventory");
            assertEquals("Hello, alice!", alice.path("message").asText(), alice.toString());
            String uuid = alice.path("uuid").asText();
            JsonNode found = rest.get("/hello-worlds", "q", "name=alice").body().path("inventories");
            assertEquals(1, found.size(), found.toString());
            assertEquals(uuid, found.get(0).path("uuid").asText());
            assertEquals("alice", rest.get("/hello-worlds/" + uuid).body().path("inventories").get(0).path("name").asText());

            // The kernel validates the descriptor's parameters; check() refuses a taken name before any job.
            Rest.Reply invalid = rest.post("/hello-worlds", Map.of("name", "not a name!"), List.of(), List.of());
            assertEquals(400, invalid.status(), invalid.raw());
            assertEquals("SYS.1007", invalid.errorCode(), invalid.raw());
            Rest.Reply taken = rest.post("/hello-worlds", Map.of("name", "alice"), List.of(), List.of());
            assertEquals(409, taken.status(), taken.raw());
            assertEquals("SYS.1009", taken.errorCode(), taken.raw());

            // The shell: the same operations as kumo: commands.
            String shellCreated = node.shell("kumo:create-hello-world --name bob --message Hi-bob");
            assertTrue(shellCreated.contains("Hi-bob"), shellCreated);
            String shellQuery = node.shell("kumo:query-hello-world --q name=bob");
            assertTrue(shellQuery.contains("bob") && shellQuery.contains("Hi-bob"), shellQuery);
            assertEquals(2, rest.get("/hello-worlds", "count", "true").body().path("total").asInt());

            // Removed: the route and the command go.
            node.undeploy(deployed);
            Rest.Reply gone = waitFor(() -> rest.get("/hello-worlds"), r -> r.status() == 404);
            assertEquals("SYS.1004", gone.errorCode(), gone.raw());
            assertFalse(node.shell("kumo:query-hello-world --q name=bob").contains("Hi-bob"), "the shell command is gone too");
            assertEquals(200, rest.get("/zones").status(), "the node kept serving");

            // Installed again: the rows were persisted in the plugin's own table and are found again.
            Path redeployed = node.deploy(jar);
            Rest.Reply back = waitFor(() -> rest.get("/hello-worlds", "q", "name=alice"), r -> r.status() == 200);
            assertEquals(200, back.status(), back.raw() + "\n" + node.logTail());
            assertEquals(uuid, back.body().path("inventories").get(0).path("uuid").asText(), back.raw());
            node.undeploy(redeployed);
            Rest.Reply goneAgain = waitFor(() -> rest.get("/hello-worlds"), r -> r.status() == 404);
            assertEquals("SYS.1004", goneAgain.errorCode(), goneAgain.raw());
        }
    }

    /** Maven as the reactor runs it: same local repository, offline if the reactor is. */
    private static List<String> maven(String... goals) {
        List<String> cmd = new ArrayList<>();
        String home = System.getProperty("kumo.mavenHome", "");
        cmd.add(home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString());
        cmd.add("-B");
        cmd.add("-q");
        if (System.getProperty("kumo.mavenOffline", "offline=true").endsWith("true")) {   // "offline=${settings.offline}"
            cmd.add("-o");
        }
        String repo = System.getProperty("kumo.mavenLocalRepository", "");
        Path api = Path.of(repo.isEmpty() ? System.getProperty("user.home") + "/.m2/repository" : repo)
                .resolve("io/kumo/kumo-plugin-api/" + VERSION + "/kumo-plugin-api-" + VERSION + ".jar");
        if (!Files.exists(api)) {
            throw new IllegalStateException(api + " is missing: a plugin builds against the installed plugin API; run "
                    + "'mvn install' (the reactor installs plugin-api before the integration tests)");
        }
        if (!repo.isEmpty()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        cmd.addAll(List.of(goals));
        return cmd;
    }

    private record Result(int code, String out) { }

    private static Result run(Path dir, List<String> command, long timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("KUMO_HOME", dir.resolve(".kumo-home").toString());
        Path log = Files.createTempFile("plugin-template-it", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    private static Rest.Reply waitFor(Callable<Rest.Reply> call, Predicate<Rest.Reply> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Rest.Reply r = call.call();
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = call.call();
        }
        return r;
    }
}
