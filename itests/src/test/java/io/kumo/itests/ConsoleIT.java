package io.kumo.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console end to end: a real node, Debian's Chromium driven by playwright-core through
 * {@code bundles/console/src/test/e2e/console.e2e.mjs} (login, zone, search, detail, actions, CSV export, language,
 * unavailable pages, session expiry; then the compute control plane: cluster, simulator host, storage, image,
 * offerings, networks, a VM through the wizard to Running, its graphical console in noVNC through the node's console
 * proxy (no display: a clear error; a fake VNC server: connected), every resource page and the dashboard's capacity).
 * Screenshots go to {@code itests/target/console-screenshots}. {@code -Dkumo.e2e.compute=skip} runs the kernel part only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIT {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path FRONTEND = ROOT.resolve("bundles/console/src/main/frontend");
    private static final Path SCRIPT = ROOT.resolve("bundles/console/src/test/e2e/console.e2e.mjs");
    private static final Path SCREENSHOTS = ROOT.resolve("itests/target/console-screenshots");

    private KumoNode node;
    private String base;

    @BeforeAll
    void boot() throws Exception {
        int proxyPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            proxyPort = s.getLocalPort(); // the VM console proxy: a free port, not the default 4900
        }
        node = KumoNode.install("console").config("io.kumo.console.proxy", "port", String.valueOf(proxyPort)).start();
        base = node.rest().base().replaceFirst("/zstack/v1/?$", "");
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void servesTheConsoleAndItsConfigurationBesideTheApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(base + "/resources/vm-instances")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<div id=\"root\">"), "a client route gets the application");
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(base + "/console-config.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"productName\":\"Kumo\",\"logoUrl\":\"\"}", config.body());
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/zstack/v1/zones")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), "the console never shadows the API");
    }

    @Test
    void endToEndInChromium() throws Exception {
        runScript(node, base, SCRIPT, Map.of("KUMO_E2E_COMPUTE", System.getProperty("kumo.e2e.compute", "require")));
    }

    /**
     * Runs an e2e script of {@code bundles/console/src/test/e2e} against a node in Debian's Chromium and fails with its
     * log (and the node's) unless it passes within 15 minutes. Screenshots go to {@code itests/target/console-screenshots}.
     */
    static void runScript(KumoNode node, String base, Path script, Map<String, String> env) throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is needed: apt-get install chromium");
        assertTrue(Files.isDirectory(FRONTEND.resolve("node_modules/playwright-core")),
                "build bundles/console first (npm ci installs playwright-core)");
        Files.createDirectories(SCREENSHOTS);
        Path output = SCREENSHOTS.resolve(script.getFileName().toString().replace(".mjs", ".log"));
        ProcessBuilder pb = new ProcessBuilder("node", script.toString()).directory(FRONTEND.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("KUMO_URL", base);
        pb.environment().put("KUMO_SCREENSHOTS", SCREENSHOTS.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(output);
        assertTrue(done, "the e2e script did not finish in 15 minutes\n" + log);
        assertEquals(0, p.exitValue(), "the e2e script failed\n" + log + "\nnode log:\n" + node.logTail());
    }
}
