package io.kumo.bus.internal;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;

/**
 * Sends messages from any thread. Artemis sessions are single-threaded, so each send borrows a session and its
 * anonymous producer from a pool, and gives it back; the pool keeps at most {@code maxIdle} of them.
 */
public final class ProducerPool implements AutoCloseable {
    /** Opens a session. */
    @FunctionalInterface
    public interface SessionOpener {
        /** @return a new, started or not, session @throws ActiveMQException when the broker refuses */
        ClientSession open() throws ActiveMQException;
    }

    private final SessionOpener opener;
    private final BlockingDeque<Lease> idle;
    private volatile boolean closed;

    /**
     * @param opener  opens sessions
     * @param maxIdle how many idle sessions to keep
     */
    public ProducerPool(SessionOpener opener, int maxIdle) {
        this.opener = opener;
        this.idle = new LinkedBlockingDeque<>(maxIdle);
    }

    /**
     * Sends a non-durable text message.
     *
     * @param address the destination address
     * @param filler  fills the message (body, properties, routing type...)
     * @throws ActiveMQException when the message cannot be sent
     */
    public void send(SimpleString address, Consumer<ClientMessage> filler) throws ActiveMQException {
        if (closed) {
            throw new IllegalStateException("the producer pool is closed");
        }
        Lease lease = idle.pollFirst();
        if (lease == null) {
            lease = open();
        }
        boolean reusable = false;
        try {
            ClientMessage message = lease.session.createMessage(Message.TEXT_TYPE, false);
            filler.accept(message);
            lease.producer.send(address, message);
            reusable = true;
        } finally {
            if (!reusable || closed || lease.session.isClosed() || !idle.offerFirst(lease)) {
                lease.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Lease lease;
        while ((lease = idle.pollFirst()) != null) {
            lease.close();
        }
    }

    private Lease open() throws ActiveMQException {
        ClientSession session = opener.open();
        try {
            return new Lease(session, session.createProducer());
        } catch (ActiveMQException | RuntimeException e) {
            Lease.closeQuietly(session);
            throw e;
        }
    }

    private record Lease(ClientSession session, ClientProducer producer) {
        void close() {
            closeQuietly(session);
        }

        static void closeQuietly(ClientSession session) {
            try {
                session.close();
            } catch (ActiveMQException | RuntimeException e) {
                // already gone with its connection
            }
        }
    }
}
