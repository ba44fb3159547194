package io.kumo.core.event;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers the events of every node (from the bus topic) to this node's {@link ResourceEventListener} services,
 * filtered by their {@value ResourceEventListener#RESOURCE_TYPES} property. Listeners see inventories as maps.
 */
public class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final MessageBus bus;
    private final Map<ResourceEventListener, Set<String>> listeners = new ConcurrentHashMap<>();
    private AutoCloseable subscription;

    /** @param bus the bus */
    public EventDispatcher(MessageBus bus) { this.bus = bus; }

    /** Subscribes to the event topic. */
    public void start() { subscription = bus.subscribe(BusEventPublisher.TOPIC, this::dispatch); }

    /** Unsubscribes. */
    public void stop() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Blueprint bind, with the service properties. */
    public void bind(ResourceEventListener listener, Map<String, ?> properties) {
        if (listener == null) {
            return;
        }
        Object types = properties == null ? null : properties.get(ResourceEventListener.RESOURCE_TYPES);
        Set<String> filter = types instanceof String s ? Set.of(s)
                : types instanceof String[] a ? Set.copyOf(Arrays.asList(a)) : Set.of();
        listeners.put(listener, filter);
    }

    /** Blueprint unbind. */
    public void unbind(ResourceEventListener listener, Map<String, ?> properties) {
        if (listener != null) {
            listeners.remove(listener);
        }
    }

    /** Adds a listener of the kernel itself (not an OSGi service). */
    public void addInternal(ResourceEventListener listener, String... resourceTypes) {
        listeners.put(listener, Set.of(resourceTypes));
    }

    void dispatch(MessageBus.Message message) {
        ResourceEvent event;
        try {
            event = Json.read(message.body(), ResourceEvent.class);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring a malformed event on {}", BusEventPublisher.TOPIC);
            return;
        }
        listeners.forEach((listener, types) -> {
            if (types.isEmpty() || types.contains(event.resourceType())) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("event listener {} failed on {} {}", listener.getClass().getName(), event.type(), event.resourceUuid(), e);
                }
            }
        });
    }
}
