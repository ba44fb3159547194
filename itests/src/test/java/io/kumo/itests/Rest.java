package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal ZStack v1 REST client, as a ZStack SDK would talk to Kumo. */
public final class Rest {
    static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String session;
    private String accept;

    /** A reply: status and parsed JSON body (null when empty). */
    public record Reply(int status, JsonNode body, String raw, Map<String, List<String>> headers) {
        /** @return the error code of an error reply */
        public String errorCode() { return body == null ? null : body.path("error").path("code").asText(null); }
        @Override public String toString() { return status + " " + raw; }
    }

    /** @param base the API base, e.g. {@code http://127.0.0.1:8080/zstack/v1} */
    public Rest(String base) { this.base = base; }

    /** @return the API base URL, .../zstack/v1 */
    public String base() { return base; }

    /** @return the current session uuid */
    public String session() { return session; }

    /** Logs in as admin with the default password and keeps the session. */
    public Rest login() throws Exception {
        return login("admin", "password");
    }

    /** Logs in and keeps the session. */
    public Rest login(String account, String password) throws Exception {
        Reply r = put("/accounts/login", "logInByAccount", Map.of("accountName", account, "password", sha512(password)));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r);
        }
        session = r.body().path("inventory").path("uuid").asText();
        return this;
    }

    /** @param s a session uuid to use (null for none) */
    public void useSession(String s) { session = s; }

    /** @return SHA-512 hex, as ZStack clients send passwords */
    public static String sha512(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** POST a create with {"params":...,"systemTags":...,"userTags":...}. */
    public Reply post(String path, Map<String, ?> params, List<String> systemTags, List<String> userTags) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("params", params);
        body.put("systemTags", systemTags);
        body.put("userTags", userTags);
        return send("POST", path, JSON.writeValueAsString(body));
    }

    /** PUT an action {"key":{...}}. */
    public Reply put(String path, String actionKey, Map<String, ?> params) throws Exception {
        return send("PUT", path, JSON.writeValueAsString(Map.of(actionKey, params)));
    }

    /** GET with query parameters, each value URL-encoded; repeated names allowed as "q", "q". */
    public Reply get(String path, String... nameValuePairs) throws Exception {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            q.append(q.length() == 0 ? "?" : "&").append(nameValuePairs[i]).append('=')
                    .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
        }
        return send("GET", path + q, null);
    }

    /** GET with an Accept header, e.g. {@code text/csv} for a query's CSV export; the reply's body is in {@code raw}. */
    public Reply getAccepting(String accept, String path, String... nameValuePairs) throws Exception {
        this.accept = accept;
        try {
            return get(path, nameValuePairs);
        } finally {
            this.accept = null;
        }
    }

    /** DELETE. */
    public Reply delete(String path) throws Exception { return send("DELETE", path, null); }

    /** Sends a raw request body (for malformed-input tests). */
    public Reply send(String method, String path, String body) throws Exception {
        return send(method, path, body, "application/json");
    }

    /** Sends a raw request with a content type. */
    public Reply send(String method, String path, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (session != null) {
            b.header("Authorization", "OAuth " + session);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!r.body().isEmpty() && r.headers().firstValue("Content-Type").orElse("").contains("json")) {
            json = JSON.readTree(r.body());
        }
        return new Reply(r.statusCode(), json, r.body(), r.headers().map());
    }

    /** Follows a 202's location until the job ends; returns the final reply (200 result or 503 error). */
    public Reply awaitJob(Reply accepted) throws Exception {
        if (accepted.status() != 202) {
            return accepted;
        }
        String location = accepted.body().path("location").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long pause = 10;
        while (System.nanoTime() < deadline) {
            Reply r = send("GET", location, null);
            if (r.status() != 202) {
                return r;
            }
            Thread.sleep(pause);
            pause = Math.min(200, pause * 2);
        }
        throw new IllegalStateException("job did not finish: " + location);
    }

    /** Creates a zone and returns its inventory. */
    public JsonNode createZone(String name, List<String> userTags) throws Exception {
        Reply r = awaitJob(post("/zones", Map.of("name", name), List.of(), userTags));
        if (r.status() != 200) {
            throw new IllegalStateException("create zone failed: " + r);
        }
        return r.body().path("inventory");
    }
}
