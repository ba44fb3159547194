package io.kumo.bus;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.bus.internal.Messages;

/**
 * One served ANYCAST queue: a consumer on its own session hands each request to the bus' worker pool, which runs
 * the handler and sends the reply. Closing it stops consuming; requests not taken yet stay for other consumers.
 */
final class ServedQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServedQueue.class);

    private final ArtemisMessageBus bus;
    private final String address;
    private final MessageBus.RequestHandler handler;
    private final ClientSession session;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ServedQueue(ArtemisMessageBus bus, String address, MessageBus.RequestHandler handler,
                        ClientSession session) {
        this.bus = bus;
        this.address = address;
        this.handler = handler;
        this.session = session;
    }

    /**
     * Creates the queue if missing and starts consuming it.
     *
     * @param bus     the bus
     * @param address the queue
     * @param handler the handler
     * @return the running served queue
     * @throws ActiveMQException when the broker refuses
     */
    static ServedQueue start(ArtemisMessageBus bus, String address, MessageBus.RequestHandler handler)
            throws ActiveMQException {
        SimpleString queue = SimpleString.of(address);
        ClientSession session = bus.openSession();
        try {
            try {
                session.createQueue(QueueConfiguration.of(queue)
                        .setRoutingType(RoutingType.ANYCAST)
                        .setDurable(false)
                        .setAutoDelete(true)
                        .setAutoCreateAddress(true));
            } catch (ActiveMQQueueExistsException e) {
                // served by another consumer or auto-created by a request: share it
            }
            ServedQueue served = new ServedQueue(bus, address, handler, session);
            ClientConsumer consumer = session.createConsumer(queue);
            consumer.setMessageHandler(served::onMessage);
            session.start();
            log.debug("Kumo bus: serving {}", address);
            return served;
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
            session.close();
        } catch (ActiveMQException e) {
            log.debug("Kumo bus: closing the session serving {}: {}", address, e.toString());
        }
        log.debug("Kumo bus: stopped serving {}", address);
    }

    @Override
    public String toString() {
        return "ServedQueue{" + address + '}';
    }

    private boolean isActive() {
        return !closed.get() && bus.isOpen();
    }

    /** Runs on Artemis' delivery thread: take the request and hand it over. */
    private void onMessage(ClientMessage message) {
        if (!isActive()) {
            // not acknowledged: it goes back to the queue when the session closes
            return;
        }
        try {
            message.acknowledge();
        } catch (ActiveMQException e) {
            log.debug("Kumo bus: cannot acknowledge a request on {}: {}", address, e.toString());
        }
        MessageBus.Message request = Messages.read(message);
        SimpleString replyTo = message.getReplyTo();
        Object correlationId = message.getCorrelationID();
        long expiration = message.getExpiration();
        if (!bus.backlog().enter(this::isActive)) {
            return;
        }
        try {
            bus.workers().execute(() -> {
                try {
                    handle(request, replyTo, correlationId, expiration);
                } finally {
                    bus.backlog().leave();
                }
            });
        } catch (RejectedExecutionException e) {
            bus.backlog().leave();
            log.debug("Kumo bus: dropping a request on {}: the bus is stopping", address);
        }
    }

    private void handle(MessageBus.Message request, SimpleString replyTo, Object correlationId, long expiration) {
        if (expiration > 0 && System.currentTimeMillis() > expiration) {
            log.debug("Kumo bus: skipping a request on {} whose requester stopped waiting", address);
            return;
        }
        String body = null;
        ApiError error = null;
        try {
            body = handler.handle(request);
        } catch (ApiException e) {
            error = e.error() != null ? e.error() : internalError();
            log.debug("Kumo bus: the handler of {} answered {}", address, error.code());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            log.error("Kumo bus: the handler of {} failed", address, e);
            error = internalError();
        }
        if (replyTo != null) {
            bus.reply(replyTo, correlationId, expiration, body, error);
        }
    }

    private ApiError internalError() {
        return ApiError.of(ErrorCode.INTERNAL, "the management node serving " + address
                + " failed to handle the request; its log has the details");
    }
}
