package io.kumo.api.event;

/** What happened to a resource. */
public enum EventType {
    /** It was created. */
    CREATED,
    /** Some of its fields changed. */
    UPDATED,
    /** It was deleted. */
    DELETED,
    /** Its state changed; the event carries the old and new state. */
    STATE_CHANGED
}
