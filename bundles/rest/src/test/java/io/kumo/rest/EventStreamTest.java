package io.kumo.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.operation.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /zstack/v1/events: Server-Sent Events of resource events, authenticated by header or query parameter. */
class EventStreamTest {
    private static final Caller ADMIN = new Caller(Caller.ADMIN_ACCOUNT_UUID, "admin", null, null, true, "rest", null);

    private RestTestServer server;
    private final List<Stream> open = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        server = new RestTestServer();
        server.authentication.addSession(RestTestServer.SESSION, ADMIN);
    }

    @AfterEach
    void stop() throws Exception {
        open.forEach(Stream::close);
        server.close();
    }

    /** One SSE connection read line by line on its own thread into a queue of frames. */
    private final class Stream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final BlockingQueue<Map<String, String>> frames = new ArrayBlockingQueue<>(100);
        private final Thread reader;

        Stream(HttpRequest.Builder request) throws Exception {
            response = HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            if (response.statusCode() == 200) {
                reader.start();
            }
            open.add(this);
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                Map<String, String> frame = new java.util.LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!frame.isEmpty()) {
                            frames.add(frame);
                        }
                        frame = new java.util.LinkedHashMap<>();
                    } else {
                        int colon = line.indexOf(':');
                        String field = colon < 0 ? line : line.substring(0, colon);
                        String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                        frame.merge(field.isEmpty() ? "comment" : field, value, (a, b) -> a + "\n" + b);
                    }
                }
                frames.add(Map.of("closed", "true"));
            } catch (Exception e) {
                frames.add(Map.of("closed", e.toString()));
            }
        }

        /** @return the next frame that is not a comment, within 5 s */
        Map<String, String> nextEvent() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                Map<String, String> f = frames.poll(100, TimeUnit.MILLISECONDS);
                if (f != null && (f.containsKey("event") || f.containsKey("closed"))) {
                    return f;
                }
            }
            return null;
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }

    private Stream connect(String query) throws Exception {
        return new Stream(server.request("/zstack/v1/events" + query));
    }

    private void awaitSubscribers(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.events.openStreams() != n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(n, server.events.openStreams());
    }

    private static ResourceEvent event(String type, String uuid) {
        return new ResourceEvent(EventType.CREATED, type, uuid, Map.of("uuid", uuid, "name", "n-" + uuid),
                null, null, Instant.parse("2026-11-21T10:00:00Z"), "node1");
    }

    @Test
    void streamsEventsWithTheSessionAsQueryParameter() throws Exception {
        Stream s = connect("?session=" + RestTestServer.SESSION);
        assertEquals(200, s.response.statusCode());
        assertTrue(s.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        awaitSubscribers(1);

        server.events.onEvent(event("zone", "z1"));

        Map<String, String> frame = s.nextEvent();
        assertNotNull(frame, "an event arrives");
        assertEquals("resource", frame.get("event"));
        assertEquals("1", frame.get("id"));
        JsonNode data = json.readTree(frame.get("data"));
        assertEquals("CREATED", data.path("type").asText());
        assertEquals("zone", data.path("resourceType").asText());
        assertEquals("z1", data.path("resourceUuid").asText());
        assertEquals("n-z1", data.path("inventory").path("name").asText());
        assertEquals("2026-11-21T10:00:00Z", data.path("time").asText());
    }

    @Test
    void headerSessionAndTypeFilter() throws Exception {
        Stream s = new Stream(server.authorized("/zstack/v1/events?types=vm,%20host"));
        assertEquals(200, s.response.statusCode());
        awaitSubscribers(1);

        server.events.onEvent(event("zone", "z1"));
        server.events.onEvent(event("host", "h1"));

        Map<String, String> frame = s.nextEvent();
        assertNotNull(frame);
        assertEquals("h1", json.readTree(frame.get("data")).path("resourceUuid").asText(), "the zone event is filtered out");
    }

    @Test
    void refusesMissingUnknownAndMalformedSessions() throws Exception {
        assertError(connect(""), 401);
        assertError(connect("?session=0123456789abcdef0123456789abcdef"), 401);
        assertError(connect("?session=bad%20session"), 401);
        assertEquals(0, server.events.openStreams());
    }

    private void assertError(Stream s, int status) throws Exception {
        assertEquals(status, s.response.statusCode());
        JsonNode body = json.readTree(s.response.body().readAllBytes());
        assertEquals("ID.1001", body.path("error").path("code").asText(), body.toString());
    }

    @Test
    void anExpiredSessionEndsTheStreamWithAnEvent() throws Exception {
        Stream s = connect("?session=" + RestTestServer.SESSION);
        awaitSubscribers(1);

        server.authentication.removeSession(RestTestServer.SESSION);

        Map<String, String> frame = s.nextEvent();
        assertNotNull(frame);
        assertEquals("session-expired", frame.get("event"));
        assertEquals("ID.1001", json.readTree(frame.get("data")).path("error").path("code").asText());
        assertEquals("true", s.nextEvent().get("closed"), "the server ends the stream");
        awaitSubscribers(0);
    }

    @Test
    void limitsOpenStreamsAndFreesThemWhenClientsLeave() throws Exception {
        Stream a = connect("?session=" + RestTestServer.SESSION);
        connect("?session=" + RestTestServer.SESSION);
        awaitSubscribers(RestTestServer.MAX_EVENT_STREAMS);

        Stream third = connect("?session=" + RestTestServer.SESSION);
        assertEquals(503, third.response.statusCode());
        assertEquals("SYS.1010", json.readTree(third.response.body().readAllBytes()).path("error").path("code").asText());

        a.close();
        // the server notices the closed connection at its next write: the keep-alive
        awaitSubscribers(RestTestServer.MAX_EVENT_STREAMS - 1);
    }

    @Test
    void aSlowStreamIsEndedWithOverflowInsteadOfGrowingWithoutBound() throws Exception {
        EventStreams streams = new EventStreams(1);
        EventStreams.Subscription sub = streams.subscribe(Set.of());
        assertNotNull(sub);
        assertNull(streams.subscribe(Set.of()), "the limit holds");
        for (int i = 0; i <= EventStreams.QUEUE_CAPACITY; i++) {
            streams.onEvent(event("vm", "v" + i));
        }
        assertEquals("overflow", sub.endReason());
        sub.close();
        assertEquals(0, streams.openStreams());
        streams.close();
        assertNull(streams.subscribe(Set.of()), "a closed node accepts no stream");
    }

    @Test
    void isListedInOpenApi() throws Exception {
        JsonNode doc = server.parse(server.send(server.request("/zstack/v1/openapi.json").GET()));
        assertEquals("StreamEvents", doc.path("paths").path("/events").path("get").path("operationId").asText());
    }

}
