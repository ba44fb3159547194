package io.kumo.api.event;

/** Publishes resource events to every management node. */
public interface EventPublisher {
    /**
     * Publishes an event; returns at once. Call it after the change is committed.
     *
     * @param event the event; {@link ResourceEvent#nodeUuid()} may be null and is then filled in
     */
    void publish(ResourceEvent event);
}
