package io.kumo.compute.network;

import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;

/** Publishes the resource events of the network area. */
public class NetworkEvents {
    /** Resource type of IP ranges in events (IpRangeInventory has no constant). */
    public static final String IP_RANGE = "ipRange";

    private final EventPublisher publisher;

    /** @param publisher the kernel's publisher */
    public NetworkEvents(EventPublisher publisher) { this.publisher = publisher; }

    /** @param type what happened @param resourceType the type @param uuid the resource @param inventory its view */
    public void publish(EventType type, String resourceType, String uuid, Object inventory) {
        publisher.publish(new ResourceEvent(type, resourceType, uuid, inventory, null, null, null, null));
    }

    /** @param resourceType the type @param uuid the resource @param inventory its view @param oldState before @param newState after */
    public void stateChanged(String resourceType, String uuid, Object inventory, String oldState, String newState) {
        publisher.publish(new ResourceEvent(EventType.STATE_CHANGED, resourceType, uuid, inventory, oldState, newState, null, null));
    }
}
