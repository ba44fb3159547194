package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

import java.util.Map;
import java.util.UUID;

/**
 * A client of Kumo's bus API as any program would write it with the Artemis core client: a request on queue
 * {@code kumo.api} with a reply-to queue and a correlation id; the body is a JSON string; an error reply carries the
 * error as JSON in the {@code kumo-error} property.
 */
final class BusClient implements AutoCloseable {
    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession session;
    private final ClientProducer producer;
    private final ClientConsumer replies;
    private final SimpleString replyQueue = SimpleString.of("itest.replies." + UUID.randomUUID());

    /** A reply: the JSON body, or the error. */
    record Reply(JsonNode body, JsonNode error) { }

    BusClient(int port) throws Exception {
        locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port);
        factory = locator.createSessionFactory();
        session = factory.createSession();
        session.createQueue(QueueConfiguration.of(replyQueue).setRoutingType(RoutingType.ANYCAST).setDurable(false).setTemporary(true));
        producer = session.createProducer("kumo.api");
        replies = session.createConsumer(replyQueue);
        session.start();
    }

    Reply call(Map<String, ?> request) throws Exception {
        ClientMessage m = session.createMessage(false);
        m.getBodyBuffer().writeNullableSimpleString(SimpleString.of(Rest.JSON.writeValueAsString(request)));
        String correlation = UUID.randomUUID().toString();
        m.setCorrelationID(correlation);
        m.setReplyTo(replyQueue);
        producer.send(m);
        ClientMessage reply = replies.receive(30_000);
        if (reply == null) {
            throw new IllegalStateException("no reply from kumo.api within 30 s");
        }
        reply.acknowledge();
        if (!correlation.equals(String.valueOf(reply.getCorrelationID()))) {
            throw new IllegalStateException("reply correlated to " + reply.getCorrelationID() + ", not " + correlation);
        }
        Object error = reply.getObjectProperty(SimpleString.of("kumo-error"));
        SimpleString body = reply.getBodyBuffer().readNullableSimpleString();
        return new Reply(body == null ? null : Rest.JSON.readTree(body.toString()),
                error == null ? null : Rest.JSON.readTree(error.toString()));
    }

    /** Subscribes to a topic with a temporary queue; {@link #next} reads what arrives. */
    ClientConsumer subscribe(String topic) throws Exception {
        SimpleString queue = SimpleString.of("itest.sub." + UUID.randomUUID());
        session.createQueue(QueueConfiguration.of(queue).setAddress(topic).setRoutingType(RoutingType.MULTICAST)
                .setDurable(false).setTemporary(true));
        return session.createConsumer(queue);
    }

    /** @return the JSON body of the next message, or null after the timeout */
    static JsonNode next(ClientConsumer consumer, long timeoutMillis) throws Exception {
        ClientMessage m = consumer.receive(timeoutMillis);
        if (m == null) {
            return null;
        }
        m.acknowledge();
        return Rest.JSON.readTree(m.getBodyBuffer().readNullableSimpleString().toString());
    }

    @Override
    public void close() throws Exception {
        session.close();
        factory.close();
        locator.close();
    }
}
