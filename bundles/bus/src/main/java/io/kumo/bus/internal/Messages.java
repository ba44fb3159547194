package io.kumo.bus.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;

import io.kumo.api.bus.MessageBus;

/**
 * Maps bus messages to Artemis messages: the body is a text body (what a JMS {@code TextMessage} carries), headers
 * are string properties.
 */
public final class Messages {
    /** Reply header carrying the handler's {@link io.kumo.api.error.ApiError} as JSON. */
    public static final String ERROR_HEADER = "kumo-error";

    private static final SimpleString ERROR_PROPERTY = SimpleString.of(ERROR_HEADER);

    private Messages() { }

    /**
     * Writes a body and headers into a fresh message.
     *
     * @param message the message
     * @param body    the body, may be null
     * @param headers the headers, may be null
     */
    public static void write(ClientMessage message, String body, Map<String, String> headers) {
        message.getBodyBuffer().writeNullableSimpleString(body == null ? null : SimpleString.of(body));
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name == null || value == null) {
                    throw new IllegalArgumentException("message headers must not have null names or values");
                }
                message.putStringProperty(name, value);
            });
        }
    }

    /**
     * @param message a received message
     * @return its body and user headers; Artemis' own properties and JMS-reserved ones are left out
     */
    public static MessageBus.Message read(ClientMessage message) {
        SimpleString body = message.getBodyBuffer().readNullableSimpleString();
        return new MessageBus.Message(body == null ? null : body.toString(), headers(message));
    }

    /**
     * @param message a received reply
     * @return the error JSON it carries, or null
     */
    public static String error(ClientMessage message) {
        Object value = message.getObjectProperty(ERROR_PROPERTY);
        return value == null ? null : value.toString();
    }

    /**
     * @param message the reply
     * @param json    the error JSON
     */
    public static void putError(ClientMessage message, String json) {
        message.putStringProperty(ERROR_PROPERTY, SimpleString.of(json));
    }

    private static Map<String, String> headers(ClientMessage message) {
        Map<String, String> headers = new HashMap<>();
        for (SimpleString name : message.getPropertyNames()) {
            String key = name.toString();
            if (isReserved(key)) {
                continue;
            }
            Object value = message.getObjectProperty(name);
            if (value instanceof SimpleString || value instanceof String) {
                headers.put(key, value.toString());
            }
        }
        return Map.copyOf(headers);
    }

    private static boolean isReserved(String name) {
        // "_AMQ_..." and "__AMQ..." are Artemis' own; the JMS spec reserves "JMS..."
        return name.startsWith("_") || name.startsWith("JMS") || name.equals(ERROR_HEADER);
    }
}
