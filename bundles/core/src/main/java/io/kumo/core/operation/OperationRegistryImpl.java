package io.kumo.core.operation;

import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whiteboard of operations: every OSGi service of type {@link Operation} (the kernel's and plugins') is served
 * while registered. A second service with an already registered name is refused with an error in the log.
 * A service tracker (not a Blueprint reference-list) hands over the services themselves, so that the kernel sees
 * whether each is a {@link io.kumo.api.operation.SyncOperation} or an {@link io.kumo.api.operation.AsyncOperation}.
 */
public class OperationRegistryImpl implements OperationRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(OperationRegistryImpl.class);

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ServiceTracker<Operation, Operation> tracker;

    /** A registry fed only through {@link #bind} (tests). */
    public OperationRegistryImpl() { this(null); }

    /** @param context the kernel bundle's context, to track Operation services; null in tests */
    public OperationRegistryImpl(BundleContext context) {
        this.tracker = context == null ? null : new ServiceTracker<>(context, Operation.class, null) {
            @Override
            public Operation addingService(ServiceReference<Operation> reference) {
                Operation op = context.getService(reference);
                bind(op);
                return op;
            }

            @Override
            public void removedService(ServiceReference<Operation> reference, Operation op) {
                unbind(op);
                context.ungetService(reference);
            }
        };
    }

    /** Starts tracking. */
    public void open() {
        if (tracker != null) {
            tracker.open();
        }
    }

    /** Stops tracking. */
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    /** Adds an operation (from the tracker, or directly in tests). */
    public void bind(Operation operation) {
        if (operation == null) {
            return;
        }
        String name = operation.descriptor().name();
        Operation existing = operations.putIfAbsent(name, operation);
        if (existing != null && existing != operation) {
            LOG.error("operation {} is already registered by another service; the new one is ignored", name);
            return;
        }
        LOG.debug("operation {} registered", name);
        listeners.forEach(l -> l.added(operation));
    }

    /** Removes an operation. */
    public void unbind(Operation operation) {
        if (operation == null) {
            return;
        }
        if (operations.remove(operation.descriptor().name(), operation)) {
            LOG.debug("operation {} unregistered", operation.descriptor().name());
            listeners.forEach(l -> l.removed(operation));
        }
    }

    @Override public Collection<Operation> operations() { return List.copyOf(operations.values()); }

    @Override public Optional<Operation> find(String name) { return Optional.ofNullable(operations.get(name)); }

    @Override
    public AutoCloseable addListener(Listener listener) {
        listeners.add(listener);
        operations.values().forEach(listener::added);
        return () -> listeners.remove(listener);
    }
}
