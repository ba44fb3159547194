package io.kumo.rest;

import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.operation.Caller;

import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /zstack/v1/events}: the resource events of every node as Server-Sent Events ({@code text/event-stream}),
 * for the web console's live refresh. The session comes from the Authorization header or, since browsers' EventSource
 * cannot send headers, from the {@code session} query parameter; {@code types=vm,host} limits the resource types.
 * Each event is {@code event: resource} with the event as JSON; a comment line keeps the connection alive every
 * heartbeat, when the session is also checked again: an expired or logged-out session ends the stream with
 * {@code event: session-expired}. A stream that cannot keep up ends with {@code event: overflow}.
 */
final class EventStreamEndpoint {
    private final EventStreams streams;
    private final RestAuthenticator authenticator;
    private final ResponseWriter writer;
    private final long heartbeatMillis;

    /**
     * @param streams         the open streams of this node
     * @param authenticator   resolves sessions
     * @param writer          writes JSON
     * @param heartbeatMillis how often a keep-alive is sent and the session checked
     */
    EventStreamEndpoint(EventStreams streams, RestAuthenticator authenticator, ResponseWriter writer, long heartbeatMillis) {
        this.streams = streams;
        this.authenticator = authenticator;
        this.writer = writer;
        this.heartbeatMillis = heartbeatMillis;
    }

    /**
     * Serves one stream until the client goes away, the session ends or the node stops.
     *
     * @param req  the request
     * @param resp the response
     * @throws IOException if the reply cannot be started
     */
    void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String session = authenticator.streamSession(req);
        RestAuthenticator.requireSession(authenticator.resolveSession(session, req), "the event stream");
        try (EventStreams.Subscription subscription = streams.subscribe(types(req.getParameter("types")))) {
            if (subscription == null) {
                throw new ApiException(ErrorCode.UNAVAILABLE, "too many event streams are open on this node;"
                        + " close some consoles or try another management node");
            }
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType("text/event-stream;charset=UTF-8");
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Accel-Buffering", "no");
            ServletOutputStream out = resp.getOutputStream();
            send(out, "retry: 3000\n: connected\n\n");
            stream(subscription, session, req, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stream(EventStreams.Subscription subscription, String session, HttpServletRequest req,
                        ServletOutputStream out) throws IOException, InterruptedException {
        long sequence = 0;
        long nextCheck = System.currentTimeMillis() + heartbeatMillis;
        while (true) {
            String reason = subscription.endReason();
            if (reason != null) {
                send(out, "event: " + reason + "\ndata: {}\n\n");
                return;
            }
            ResourceEvent event = subscription.next(Math.max(1, nextCheck - System.currentTimeMillis()));
            if (event != null) {
                send(out, "id: " + (++sequence) + "\nevent: resource\ndata: " + toJson(event) + "\n\n");
            }
            if (System.currentTimeMillis() >= nextCheck) {
                if (!sessionStillValid(session, req)) {
                    Map<String, Object> error = ResponseWriter.errorBody(ApiError.of(ErrorCode.UNAUTHENTICATED,
                            "the session expired or was logged out; log in again"));
                    send(out, "event: session-expired\ndata: " + writer.mapper().writeValueAsString(error) + "\n\n");
                    return;
                }
                send(out, ": keep-alive\n\n");
                nextCheck = System.currentTimeMillis() + heartbeatMillis;
            }
        }
    }

    private boolean sessionStillValid(String session, HttpServletRequest req) {
        try {
            Caller caller = authenticator.resolveSession(session, req);
            return caller != null && !caller.isAnonymous();
        } catch (ApiException e) {
            return false;
        }
    }

    private String toJson(ResourceEvent event) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type().name());
        body.put("resourceType", event.resourceType());
        body.put("resourceUuid", event.resourceUuid());
        body.put("inventory", event.inventory());
        body.put("oldState", event.oldState());
        body.put("newState", event.newState());
        body.put("time", event.time().toString());
        body.put("nodeUuid", event.nodeUuid());
        return writer.mapper().writeValueAsString(body);
    }

    /** @param list a comma-separated list, or null @return its non-blank items */
    static Set<String> types(String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static void send(ServletOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
