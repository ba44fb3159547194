package io.kumo.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A management node of the assembled distribution running as a real process: unpacked into its own directory, on
 * free loopback ports, started with {@code bin/karaf run}, stopped with SIGTERM or killed with SIGKILL.
 */
public final class KumoNode implements AutoCloseable {
    private static final Path DISTRIBUTION = Path.of(System.getProperty("kumo.distribution"));
    private static final Path WORK = Path.of(System.getProperty("kumo.itests.work", "target/nodes"));

    private final Path home;
    private final Path data;
    private final Map<String, Integer> ports;
    private final String shellPassword = UUID.randomUUID().toString().replace("-", "");
    private Process process;
    private Duration apiReady;
    private final Rest rest;
    private final Map<String, String> extraEnv = new java.util.LinkedHashMap<>();

    private KumoNode(Path home, Path data, Map<String, Integer> ports) {
        this.home = home;
        this.data = data;
        this.ports = ports;
        this.rest = new Rest("http://127.0.0.1:" + ports.get("http") + "/zstack/v1");
    }

    /** Unpacks a fresh node under target/nodes/NAME (any previous one is deleted). */
    public static KumoNode install(String name) throws Exception {
        Path dir = WORK.resolve(name + "-" + System.nanoTime());
        Path home = dir.resolve("dist");
        Files.createDirectories(home);
        run(List.of("tar", "xzf", DISTRIBUTION.toAbsolutePath().toString(), "-C", home.toString(), "--strip-components=1"));
        KumoNode node = new KumoNode(home, dir.resolve("data"), Map.of("http", freePort(), "ssh", freePort(), "bus", freePort(),
                "rmiRegistry", freePort(), "rmiServer", freePort()));
        Files.writeString(home.resolve("etc/users.properties"), "\nkumo = " + node.shellPassword
                + ",_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return node;
    }

    /** Sets an environment variable of the node (database, bus, ...) for its next start. */
    public KumoNode env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** Sets a configuration property in {@code etc/PID.cfg} (read at start, and live by Karaf's file install). */
    public KumoNode config(String pid, String key, String value) throws IOException {
        Files.writeString(home.resolve("etc/" + pid + ".cfg"), key + " = " + value + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    /** @return the node's installation directory */
    public Path home() { return home; }

    /** @return the process id of the node's JVM (the launcher execs java), for CPU and memory readings */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("the node is not started");
        }
        return process.pid();
    }

    /** @return the node's uuid, as it persists it in its data directory */
    public String nodeUuid() throws IOException {
        return Files.readString(data.resolve("kumo/node.uuid")).trim();
    }

    /**
     * @return how long the last {@link #start()} took from launching {@code bin/karaf run} to the REST API's first
     *         answer (401 to an anonymous {@code GET /management-nodes}), before the modules' bundles were all up
     */
    public Duration apiReady() { return apiReady; }

    /** Starts the node and waits until REST answers and every Kumo bundle is Active. */
    public KumoNode start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "run");
        Map<String, String> env = pb.environment();
        env.put("KARAF_DATA", data.toString());
        env.put("KARAF_EXEC", "exec");
        env.put("KUMO_HTTP_PORT", ports.get("http").toString());
        env.put("KUMO_SSH_PORT", ports.get("ssh").toString());
        env.put("KUMO_BUS_PORT", ports.get("bus").toString());
        env.put("KUMO_RMI_REGISTRY_PORT", ports.get("rmiRegistry").toString());
        env.put("KUMO_RMI_SERVER_PORT", ports.get("rmiServer").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(extraEnv);
        Files.createDirectories(data);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("console.log").toFile()));
        long launched = System.nanoTime();
        process = pb.start();
        try {
            awaitReady(launched);
        } catch (Exception | AssertionError e) {
            kill(); // a node that did not come up must not keep its ports (the console proxy's is fixed) from the next test
            throw e;
        }
        return this;
    }

    private void awaitReady(long launched) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(rest.base() + "/management-nodes")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 401) {
                    apiReady = Duration.ofNanos(System.nanoTime() - launched);
                    awaitKumoBundles(deadline);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the node did not become ready in 180 s\n" + logTail());
    }

    /**
     * Waits until every Kumo bundle is Active with its Blueprint container created (REST answers before the modules
     * that register operations, such as compute, are up), failing at once if one failed.
     */
    private void awaitKumoBundles(long deadline) throws Exception {
        String last = "";
        while (System.nanoTime() < deadline) {
            List<String> kumo = shell("bundle:list -s -t 0").lines().filter(l -> l.contains("| io.kumo.")).toList();
            last = String.join("\n", kumo);
            if (kumo.stream().anyMatch(l -> l.contains("Failure"))) {
                throw new IllegalStateException("a Kumo bundle failed to start:\n" + last + "\n" + logTail());
            }
            if (!kumo.isEmpty() && kumo.stream().allMatch(l -> l.contains("| Active "))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the Kumo bundles did not all start in time:\n" + last + "\n" + logTail());
    }

    /** Stops the node cleanly (SIGTERM, as Ctrl-C does) and waits for it. */
    public void stop() throws Exception {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> all = tree();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
                throw new IllegalStateException("the node did not stop within 60 s of SIGTERM");
            }
            for (ProcessHandle h : all) {
                h.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Kills the node as a crash would (SIGKILL to the launcher and the JVM). */
    public void kill() throws Exception {
        if (process != null) {
            List<ProcessHandle> all = tree();
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle h : all) {
                h.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** Runs Karaf shell commands through bin/client (SSH on loopback) and returns what they printed. */
    public String shell(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", ports.get("ssh").toString(),
                "-h", "127.0.0.1", "-u", "kumo", "-p", shellPassword, "-r", "10", "-d", "1", "-b");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("shell command did not finish: " + command);
        }
        return out;
    }

    /** Drops a bundle into the node's deploy/ folder, as an operator installs a plugin by hand. */
    public Path deploy(Path jar) throws IOException {
        return Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes a bundle from deploy/, which uninstalls it. */
    public void undeploy(Path deployed) throws IOException {
        Files.deleteIfExists(deployed);
    }

    /** @return a REST client of this node */
    public Rest rest() { return rest; }

    /** @return the node's ports by name (http, ssh, bus, ...) */
    public Map<String, Integer> ports() { return ports; }

    /** @return the last lines of the node's log, for failure messages */
    public String logTail() {
        try {
            Path log = data.resolve("log/karaf.log");
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : Files.readAllLines(data.resolve("console.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** @return the node's log (karaf.log) */
    public String log() throws IOException {
        Path log = data.resolve("log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (Exception e) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }
}
