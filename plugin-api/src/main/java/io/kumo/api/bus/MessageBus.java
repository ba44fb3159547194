package io.kumo.api.bus;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The message bus shared by all management nodes. Bodies are JSON strings; headers are short strings.
 */
public interface MessageBus {
    /**
     * Sends a request to a queue and waits for the correlated reply.
     *
     * @param address the queue, e.g. {@code kumo.node.<uuid>}
     * @param body    the request body
     * @param headers message headers
     * @param timeout how long to wait for the reply
     * @return the reply, or a future failed with {@link io.kumo.api.error.ApiException} ({@code TIMEOUT}) when late
     */
    CompletableFuture<Message> request(String address, String body, Map<String, String> headers, Duration timeout);

    /**
     * Publishes to a topic: every subscriber on every node receives it.
     *
     * @param topic   the topic address
     * @param body    the body
     * @param headers headers, usable in subscription filters
     */
    void publish(String topic, String body, Map<String, String> headers);

    /**
     * Serves a queue: each message goes to one consumer, and the handler's return value is sent back as the reply.
     *
     * @param address the queue
     * @param handler computes the reply body
     * @return a handle that stops serving when closed
     */
    AutoCloseable serve(String address, RequestHandler handler);

    /**
     * Subscribes to a topic.
     *
     * @param topic    the topic address
     * @param listener receives each message
     * @return a handle that unsubscribes when closed
     */
    AutoCloseable subscribe(String topic, java.util.function.Consumer<Message> listener);

    /**
     * A message.
     *
     * @param body    the body
     * @param headers the headers
     */
    record Message(String body, Map<String, String> headers) { }

    /** Answers requests on a queue. */
    @FunctionalInterface
    interface RequestHandler {
        /** @param request the request @return the reply body */
        String handle(Message request);
    }
}
