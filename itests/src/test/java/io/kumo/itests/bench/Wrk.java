package io.kumo.itests.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (a C load generator, far lighter than a JVM client on a 2-core machine) and reads its summary. */
final class Wrk {
    private Wrk() { }

    /** @return true if wrk is installed */
    static boolean available() { return Files.isExecutable(Path.of("/usr/bin/wrk")); }

    /** Throughput and latency percentiles reported by wrk. */
    record Figures(double requestsPerSecond, String p50, String p99, long non2xx) {
        String row(String what, int connections) {
            return String.format(Locale.ROOT, "| %s, %d connections | %.0f reads/s; latency p50 %s, p99 %s%s |%n", what, connections,
                    requestsPerSecond, p50, p99, non2xx == 0 ? "" : "; " + non2xx + " non-2xx replies");
        }
    }

    static Figures run(String url, String authorization, int connections, Duration length) throws Exception {
        Process p = new ProcessBuilder(List.of("/usr/bin/wrk", "-t2", "-c" + connections, "-d" + length.toSeconds() + "s",
                "--latency", "-H", "Authorization: " + authorization, url)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return new Figures(Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)")), find(out, "\\s50%\\s+(\\S+)"),
                find(out, "\\s99%\\s+(\\S+)"), out.contains("Non-2xx") ? Long.parseLong(find(out, "Non-2xx or 3xx responses:\\s+(\\d+)")) : 0);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + text);
        }
        return m.group(1);
    }
}
