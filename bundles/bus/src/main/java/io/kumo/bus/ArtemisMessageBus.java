package io.kumo.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kumo.api.bus.MessageBus;
import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.bus.internal.Backlog;
import io.kumo.bus.internal.ErrorCodec;
import io.kumo.bus.internal.Messages;
import io.kumo.bus.internal.NamedThreadFactory;
import io.kumo.bus.internal.PendingRequests;
import io.kumo.bus.internal.ProducerPool;

/**
 * The {@link MessageBus} on ActiveMQ Artemis' CORE client: in-VM to the embedded broker, or over TCP to {@code url}.
 * <p>
 * Requests go, non-durable and expiring with their timeout, to the ANYCAST queue named by the address, carrying a
 * correlation id and this instance's private temporary reply queue. Served queues run their handler on a bounded
 * pool of {@code requestThreads} threads; topic subscriptions get their own temporary MULTICAST queue and run their
 * listener in message order on a small shared pool. Request futures complete on the bus' reply threads: attach
 * blocking work with the {@code *Async} methods of {@link CompletableFuture}.
 */
public final class ArtemisMessageBus implements MessageBus, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArtemisMessageBus.class);
    private static final String STOPPING = "the message bus is stopping";
    private static final String NOT_CONNECTED = "the message bus is not connected to its broker";
    private static final int BACKLOG_PER_THREAD = 64;
    private static final int MAX_IDLE_PRODUCERS = 64;
    private static final long DRAIN_SECONDS = 5;
    private static final long CALL_TIMEOUT_MILLIS = 10_000;

    private final BusSettings settings;
    private final String instanceId = UUID.randomUUID().toString();
    private final Set<AutoCloseable> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean open;

    private ServerLocator locator;
    private ClientSessionFactory factory;
    private ProducerPool producers;
    private ClientSession replySession;
    private ClientConsumer replyConsumer;
    private SimpleString replyQueue;
    private ThreadPoolExecutor workers;
    private ThreadPoolExecutor listeners;
    private ThreadPoolExecutor completions;
    private ScheduledThreadPoolExecutor timer;
    private PendingRequests pending;
    private Backlog backlog;

    /** @param settings the bus settings */
    public ArtemisMessageBus(BusSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Connects to the broker and opens this instance's reply queue.
     *
     * @throws Exception when the broker cannot be reached or refuses the credentials
     */
    public synchronized void start() throws Exception {
        if (open) {
            return;
        }
        int threads = Math.max(1, settings.getRequestThreads());
        workers = pool("kumo-bus-worker", threads);
        listeners = pool("kumo-bus-event", Math.max(2, threads / 4));
        completions = pool("kumo-bus-reply", 2);
        timer = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("kumo-bus-timer"));
        timer.setRemoveOnCancelPolicy(true);
        pending = new PendingRequests(timer, completions);
        backlog = new Backlog(threads * BACKLOG_PER_THREAD);
        try {
            connect();
        } catch (Exception e) {
            log.error("Kumo bus: cannot connect to the broker at {}: {}", settings.safeConnectUrl(), e.toString());
            release();
            throw e;
        }
        open = true;
        log.info("Kumo bus: connected to {} as instance {}, {} request threads", settings.safeConnectUrl(), instanceId,
                threads);
    }

    private void connect() throws Exception {
        locator = ActiveMQClient.createServerLocator(settings.connectUrl())
                .setBlockOnDurableSend(false)
                .setBlockOnNonDurableSend(false)
                .setBlockOnAcknowledge(false)
                .setReconnectAttempts(-1)
                .setInitialConnectAttempts(settings.isEmbedded() ? 1 : 5)
                .setRetryInterval(500)
                .setRetryIntervalMultiplier(2.0)
                .setMaxRetryInterval(10_000)
                .setCallTimeout(CALL_TIMEOUT_MILLIS)
                .setCallFailoverTimeout(CALL_TIMEOUT_MILLIS);
        factory = locator.createSessionFactory();
        producers = new ProducerPool(this::openSession, MAX_IDLE_PRODUCERS);
        replyQueue = SimpleString.of("kumo.bus.reply." + instanceId);
        replySession = openSession();
        replySession.createQueue(QueueConfiguration.of(replyQueue)
                .setRoutingType(RoutingType.ANYCAST)
                .setDurable(false)
                .setTemporary(true)
                .setAutoCreateAddress(true));
        replyConsumer = replySession.createConsumer(replyQueue);
        replyConsumer.setMessageHandler(this::onReply);
        replySession.start();
    }

    /**
     * Stops serving and subscribing, fails the pending requests with {@code UNAVAILABLE}, lets running handlers send
     * their replies, and disconnects.
     */
    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        pending.failAll(() -> new ApiException(ErrorCode.UNAVAILABLE, STOPPING));
        for (AutoCloseable handle : List.copyOf(handles)) {
            closeQuietly(handle);
        }
        drain(workers);
        drain(listeners);
        release();
        log.info("Kumo bus: instance {} disconnected from {}", instanceId, settings.safeConnectUrl());
    }

    @Override
    public CompletableFuture<Message> request(String address, String body, Map<String, String> headers,
                                              Duration timeout) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
        if (!open) {
            return CompletableFuture.failedFuture(new ApiException(ErrorCode.UNAVAILABLE, STOPPING));
        }
        long timeoutMillis = Math.max(1, timeout.toMillis());
        PendingRequests.Pending request = pending.open(address, timeoutMillis);
        long expiration = System.currentTimeMillis() + timeoutMillis;
        try {
            producers.send(SimpleString.of(address), message -> {
                Messages.write(message, body, headers);
                message.setRoutingType(RoutingType.ANYCAST);
                message.setCorrelationID(request.id());
                message.setReplyTo(replyQueue);
                message.setExpiration(expiration);
            });
        } catch (ActiveMQException | IllegalStateException e) {
            log.warn("Kumo bus: cannot send a request to {}: {}", address, e.toString());
            pending.fail(request.id(), new ApiException(ErrorCode.UNAVAILABLE,
                    open ? "cannot send to " + address + ": " + NOT_CONNECTED : STOPPING));
        } catch (RuntimeException e) {
            pending.take(request.id());
            throw e;
        }
        return request.future();
    }

    @Override
    public void publish(String topic, String body, Map<String, String> headers) {
        Objects.requireNonNull(topic, "topic");
        ensureOpen();
        try {
            producers.send(SimpleString.of(topic), message -> {
                Messages.write(message, body, headers);
                message.setRoutingType(RoutingType.MULTICAST);
            });
        } catch (ActiveMQException | IllegalStateException e) {
            log.warn("Kumo bus: cannot publish to {}: {}", topic, e.toString());
            throw unavailable("cannot publish to " + topic);
        }
    }

    @Override
    public AutoCloseable serve(String address, RequestHandler handler) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(handler, "handler");
        ensureOpen();
        try {
            return register(ServedQueue.start(this, address, handler));
        } catch (ActiveMQException e) {
            log.warn("Kumo bus: cannot serve {}: {}", address, e.toString());
            throw unavailable("cannot serve " + address);
        }
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<Message> listener) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        try {
            return register(TopicSubscription.start(this, topic, listener));
        } catch (ActiveMQException e) {
            log.warn("Kumo bus: cannot subscribe to {}: {}", topic, e.toString());
            throw unavailable("cannot subscribe to " + topic);
        }
    }

    /** @return how many requests wait for their reply */
    int pendingRequests() {
        return open ? pending.size() : 0;
    }

    boolean isOpen() {
        return open;
    }

    ClientSession openSession() throws ActiveMQException {
        String user = settings.hasCredentials() ? settings.getUser() : null;
        String password = settings.hasCredentials() ? settings.getPassword() : null;
        return factory.createSession(user, password, false, true, true, false, locator.getAckBatchSize());
    }

    ExecutorService workers() {
        return workers;
    }

    ExecutorService listeners() {
        return listeners;
    }

    Backlog backlog() {
        return backlog;
    }

    void forget(AutoCloseable handle) {
        handles.remove(handle);
    }

    /**
     * Sends a handler's reply or error back to the requester.
     *
     * @param replyTo       the requester's reply queue
     * @param correlationId the request's correlation id
     * @param expiration    when the requester stops waiting, 0 for never
     * @param body          the reply body, when there is no error
     * @param error         the error, or null
     */
    void reply(SimpleString replyTo, Object correlationId, long expiration, String body, ApiError error) {
        try {
            producers.send(replyTo, message -> {
                Messages.write(message, error == null ? body : null, null);
                if (error != null) {
                    Messages.putError(message, ErrorCodec.encode(error));
                }
                message.setRoutingType(RoutingType.ANYCAST);
                if (correlationId != null) {
                    message.setCorrelationID(correlationId);
                }
                if (expiration > 0) {
                    message.setExpiration(expiration);
                }
            });
        } catch (ActiveMQException | IllegalStateException e) {
            log.warn("Kumo bus: cannot send a reply to {}: {}", replyTo, e.toString());
        }
    }

    private void onReply(ClientMessage message) {
        try {
            message.acknowledge();
        } catch (ActiveMQException e) {
            log.debug("Kumo bus: cannot acknowledge a reply: {}", e.toString());
        }
        Object correlationId = message.getCorrelationID();
        PendingRequests.Pending request = pending.take(correlationId == null ? null : correlationId.toString());
        if (request == null) {
            log.debug("Kumo bus: dropping a late or unknown reply (correlation id {})", correlationId);
            return;
        }
        String error = Messages.error(message);
        if (error == null) {
            request.complete(Messages.read(message));
        } else {
            request.fail(new ApiException(decodeError(error, request.address())));
        }
    }

    private static ApiError decodeError(String json, String address) {
        try {
            return ErrorCodec.decode(json);
        } catch (IllegalArgumentException e) {
            log.warn("Kumo bus: the reply from {} carried an unreadable error", address);
            return ApiError.of(ErrorCode.INTERNAL, "the reply from " + address
                    + " carried an unreadable error; see the log of the management node serving it");
        }
    }

    private AutoCloseable register(AutoCloseable handle) {
        handles.add(handle);
        if (!open) {
            // lost a race with close()
            closeQuietly(handle);
            throw new ApiException(ErrorCode.UNAVAILABLE, STOPPING);
        }
        return handle;
    }

    private void ensureOpen() {
        if (!open) {
            throw new ApiException(ErrorCode.UNAVAILABLE, STOPPING);
        }
    }

    private ApiException unavailable(String what) {
        return new ApiException(ErrorCode.UNAVAILABLE, open ? what + ": " + NOT_CONNECTED : STOPPING);
    }

    /** Closes the connection and stops the threads; safe on a partly started bus. */
    private void release() {
        List<AutoCloseable> resources = new ArrayList<>();
        if (replySession != null) {
            ClientSession session = replySession;
            ClientConsumer consumer = replyConsumer;
            resources.add(() -> deleteTemporaryQueue(session, consumer, replyQueue));
        }
        if (producers != null) {
            resources.add(producers);
        }
        if (factory != null) {
            resources.add(factory::close);
        }
        if (locator != null) {
            resources.add(locator::close);
        }
        // the fields stay set: a request racing with close() fails on the closed pool instead of a null
        resources.forEach(ArtemisMessageBus::closeQuietly);
        timer.shutdownNow();
        workers.shutdownNow();
        listeners.shutdownNow();
        completions.shutdown();
    }

    /**
     * Deletes a temporary queue and closes its session. Deleting it explicitly removes it before this call returns,
     * instead of when the broker notices the connection closed.
     */
    static void deleteTemporaryQueue(ClientSession session, ClientConsumer consumer, SimpleString queue)
            throws ActiveMQException {
        try {
            if (!session.isClosed()) {
                if (consumer != null) {
                    consumer.close();
                }
                session.deleteQueue(queue);
            }
        } finally {
            session.close();
        }
    }

    private static void drain(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Kumo bus: handlers still running after {} s; interrupting them", DRAIN_SECONDS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadPoolExecutor pool(String name, int threads) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory(name));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.debug("Kumo bus: error while closing {}: {}", resource, e.toString());
        }
    }
}
