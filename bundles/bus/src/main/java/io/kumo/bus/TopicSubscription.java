package io.kumo.bus;

import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kumo.api.bus.MessageBus;
import io.kumo.bus.internal.Backlog;
import io.kumo.bus.internal.Messages;
import io.kumo.bus.internal.SerialExecutor;

/**
 * One subscription to a MULTICAST topic: a temporary, non-durable queue of its own, consumed on its own session.
 * The listener sees the messages in order, on the bus' event pool; closing the subscription deletes the queue.
 */
final class TopicSubscription implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicSubscription.class);
    private static final int BACKLOG = 1024;

    private final ArtemisMessageBus bus;
    private final String topic;
    private final Consumer<MessageBus.Message> listener;
    private final ClientSession session;
    private final SimpleString queue;
    private ClientConsumer consumer;
    private final SerialExecutor inOrder;
    private final Backlog backlog = new Backlog(BACKLOG);
    private final AtomicBoolean closed = new AtomicBoolean();

    private TopicSubscription(ArtemisMessageBus bus, String topic, Consumer<MessageBus.Message> listener,
                              ClientSession session, SimpleString queue) {
        this.bus = bus;
        this.topic = topic;
        this.listener = listener;
        this.session = session;
        this.queue = queue;
        this.inOrder = new SerialExecutor(bus.listeners());
    }

    /**
     * Creates the subscription queue and starts consuming it.
     *
     * @param bus      the bus
     * @param topic    the topic address
     * @param listener the listener
     * @return the running subscription
     * @throws ActiveMQException when the broker refuses
     */
    static TopicSubscription start(ArtemisMessageBus bus, String topic, Consumer<MessageBus.Message> listener)
            throws ActiveMQException {
        SimpleString queue = SimpleString.of("kumo.bus.subscription." + UUID.randomUUID());
        ClientSession session = bus.openSession();
        try {
            session.createQueue(QueueConfiguration.of(queue)
                    .setAddress(topic)
                    .setRoutingType(RoutingType.MULTICAST)
                    .setDurable(false)
                    .setTemporary(true)
                    .setAutoCreateAddress(true));
            TopicSubscription subscription = new TopicSubscription(bus, topic, listener, session, queue);
            subscription.consumer = session.createConsumer(queue);
            subscription.consumer.setMessageHandler(subscription::onMessage);
            session.start();
            log.debug("Kumo bus: subscribed to {}", topic);
            return subscription;
        } catch (ActiveMQException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        bus.forget(this);
        try {
            ArtemisMessageBus.deleteTemporaryQueue(session, consumer, queue);
        } catch (ActiveMQException e) {
            log.debug("Kumo bus: closing the subscription to {}: {}", topic, e.toString());
        }
        log.debug("Kumo bus: unsubscribed from {}", topic);
    }

    @Override
    public String toString() {
        return "TopicSubscription{" + topic + '}';
    }

    private boolean isActive() {
        return !closed.get() && bus.isOpen();
    }

    /** Runs on Artemis' delivery thread. */
    private void onMessage(ClientMessage message) {
        if (!isActive()) {
            return;
        }
        try {
            message.acknowledge();
        } catch (ActiveMQException e) {
            log.debug("Kumo bus: cannot acknowledge an event on {}: {}", topic, e.toString());
        }
        MessageBus.Message event = Messages.read(message);
        if (!backlog.enter(this::isActive)) {
            return;
        }
        try {
            inOrder.execute(() -> deliver(event));
        } catch (RejectedExecutionException e) {
            backlog.leave();
        }
    }

    private void deliver(MessageBus.Message event) {
        try {
            if (isActive()) {
                listener.accept(event);
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.warn("Kumo bus: a listener of {} failed", topic, e);
        } finally {
            backlog.leave();
        }
    }
}
