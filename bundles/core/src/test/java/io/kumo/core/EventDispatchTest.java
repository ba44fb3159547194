package io.kumo.core;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.core.event.BusEventPublisher;
import io.kumo.core.event.EventDispatcher;
import io.kumo.core.testing.FakeClusterService;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Events go out on the bus topic stamped with the node, and come back to listeners filtered by resource type. */
class EventDispatchTest {

    /** A bus that delivers each publish to the topic's subscribers at once. */
    static final class LoopbackBus implements MessageBus {
        final List<Consumer<Message>> subscribers = new CopyOnWriteArrayList<>();
        final List<Message> published = new ArrayList<>();

        @Override public CompletableFuture<Message> request(String a, String b, Map<String, String> h, Duration t) {
            throw new IllegalStateException("not used");
        }
        @Override public void publish(String topic, String body, Map<String, String> headers) {
            Message m = new Message(body, headers);
            published.add(m);
            subscribers.forEach(s -> s.accept(m));
        }
        @Override public AutoCloseable serve(String address, RequestHandler handler) { return () -> { }; }
        @Override public AutoCloseable subscribe(String topic, Consumer<Message> listener) {
            subscribers.add(listener);
            return () -> subscribers.remove(listener);
        }
    }

    @Test
    void listenersGetTheEventsOfTheirResourceTypes() throws Exception {
        LoopbackBus bus = new LoopbackBus();
        FakeClusterService cluster = new FakeClusterService("cccccccccccccccccccccccccccccccc");
        BusEventPublisher publisher = new BusEventPublisher(bus, cluster);
        EventDispatcher dispatcher = new EventDispatcher(bus);
        dispatcher.start();
        List<ResourceEvent> zones = new ArrayList<>();
        List<ResourceEvent> all = new ArrayList<>();
        ResourceEventListener zoneListener = zones::add;
        dispatcher.bind(zoneListener, Map.of(ResourceEventListener.RESOURCE_TYPES, "zone"));
        dispatcher.bind(all::add, Map.of());

        publisher.publish(new ResourceEvent(EventType.STATE_CHANGED, "zone", "z1", Map.of("uuid", "z1"), "Enabled", "Disabled", null, null));
        publisher.publish(new ResourceEvent(EventType.CREATED, "tag", "t1", Map.of("uuid", "t1"), null, null, null, null));

        assertEquals("zone", bus.published.get(0).headers().get("resourceType"), "headers allow filtering on the broker");
        assertEquals("STATE_CHANGED", bus.published.get(0).headers().get("eventType"));
        assertEquals(1, zones.size());
        assertEquals(2, all.size());
        ResourceEvent e = zones.get(0);
        assertEquals(EventType.STATE_CHANGED, e.type());
        assertEquals("Enabled", e.oldState());
        assertEquals("Disabled", e.newState());
        assertEquals(cluster.localNodeUuid(), e.nodeUuid(), "stamped with the publishing node");
        assertEquals("z1", ((Map<?, ?>) e.inventory()).get("uuid"), "inventories arrive as maps");

        dispatcher.unbind(zoneListener, Map.of());
        publisher.publish(new ResourceEvent(EventType.DELETED, "zone", "z1", Map.of(), null, null, null, null));
        assertEquals(1, zones.size(), "an unbound listener hears nothing more");
        dispatcher.stop();
        publisher.publish(new ResourceEvent(EventType.DELETED, "zone", "z2", Map.of(), null, null, null, null));
        assertEquals(3, all.size(), "a stopped dispatcher is unsubscribed");
        assertNull(zones.stream().filter(z -> z.resourceUuid().equals("z2")).findAny().orElse(null));
    }
}
