package io.kumo.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a resource, published on the bus topic {@code kumo.events} to every management node.
 *
 * @param type         what happened
 * @param resourceType the resource type, e.g. {@code zone}
 * @param resourceUuid the resource
 * @param inventory    the resource after the change (before it, for a delete), as the API shows it
 * @param oldState     for {@link EventType#STATE_CHANGED}, the previous state; otherwise null
 * @param newState     for {@link EventType#STATE_CHANGED}, the new state; otherwise null
 * @param time         when it happened
 * @param nodeUuid     the management node that published it
 */
public record ResourceEvent(EventType type, String resourceType, String resourceUuid, Object inventory,
                            String oldState, String newState, Instant time, String nodeUuid) {
    /** Canonical constructor: type, resource type and uuid are required. */
    public ResourceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceUuid, "resourceUuid");
        time = time == null ? Instant.now() : time;
    }
}
