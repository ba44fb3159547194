package io.kumo.rest;

import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * The open Server-Sent Events streams of this node. Registered as a {@link ResourceEventListener}: every resource
 * event of every node is queued to each stream that wants its type; the stream's request thread writes it. A stream
 * whose client reads too slowly to keep up is closed (the client reconnects and reloads what it shows).
 */
public final class EventStreams implements ResourceEventListener, AutoCloseable {
    /** Events queued for one stream before it is considered too slow. */
    static final int QUEUE_CAPACITY = 1024;

    private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
    private final int maxStreams;
    private volatile boolean closed;

    /** @param maxStreams how many streams may be open at once on this node */
    public EventStreams(int maxStreams) { this.maxStreams = maxStreams; }

    @Override
    public void onEvent(ResourceEvent event) {
        for (Subscription s : subscriptions) {
            s.offer(event);
        }
    }

    /**
     * @param resourceTypes the resource types wanted; empty for all
     * @return a new subscription, or null when {@code maxStreams} are open or the node is stopping
     */
    synchronized Subscription subscribe(Set<String> resourceTypes) {
        if (closed || subscriptions.size() >= maxStreams) {
            return null;
        }
        Subscription s = new Subscription(resourceTypes);
        subscriptions.add(s);
        return s;
    }

    /** @return how many streams are open */
    int openStreams() { return subscriptions.size(); }

    /** Ends every stream (the REST bundle stops). */
    @Override
    public synchronized void close() {
        closed = true;
        subscriptions.forEach(Subscription::end);
    }

    /** One open stream: a bounded queue of events and the reason it ended, if it did. */
    final class Subscription implements AutoCloseable {
        private final Set<String> resourceTypes;
        private final BlockingQueue<ResourceEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private volatile String endReason;

        private Subscription(Set<String> resourceTypes) { this.resourceTypes = Set.copyOf(resourceTypes); }

        private void offer(ResourceEvent event) {
            if (endReason == null && (resourceTypes.isEmpty() || resourceTypes.contains(event.resourceType()))
                    && !queue.offer(event)) {
                endReason = "overflow";
            }
        }

        private void end() { endReason = "shutdown"; }

        /**
         * @param timeoutMillis how long to wait
         * @return the next event, or null after the timeout
         * @throws InterruptedException if interrupted
         */
        ResourceEvent next(long timeoutMillis) throws InterruptedException {
            return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        /** @return why the stream must end ({@code overflow}, {@code shutdown}), or null while it may go on */
        String endReason() { return endReason; }

        @Override
        public void close() { subscriptions.remove(this); }
    }
}
