package io.kumo.core.event;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.node.ClusterService;
import io.kumo.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Publishes resource events on the bus topic {@value #TOPIC}, which every management node subscribes to. */
public class BusEventPublisher implements EventPublisher {
    /** The topic of resource events. */
    public static final String TOPIC = "kumo.events";
    private static final Logger LOG = LoggerFactory.getLogger(BusEventPublisher.class);

    private final MessageBus bus;
    private final ClusterService cluster;

    /** @param bus the bus @param cluster names this node in events */
    public BusEventPublisher(MessageBus bus, ClusterService cluster) {
        this.bus = bus;
        this.cluster = cluster;
    }

    @Override
    public void publish(ResourceEvent event) {
        ResourceEvent e = event.nodeUuid() != null ? event : new ResourceEvent(event.type(), event.resourceType(),
                event.resourceUuid(), event.inventory(), event.oldState(), event.newState(), event.time(), cluster.localNodeUuid());
        try {
            bus.publish(TOPIC, Json.write(e), Map.of("resourceType", e.resourceType(), "eventType", e.type().name()));
        } catch (RuntimeException ex) {
            LOG.warn("could not publish {} event of {} {}", e.type(), e.resourceType(), e.resourceUuid(), ex);
        }
    }
}
