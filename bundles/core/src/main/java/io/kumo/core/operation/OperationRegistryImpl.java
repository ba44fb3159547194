package io.kumo.core.operation;

import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationRegistry;
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
 */
public class OperationRegistryImpl implements OperationRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(OperationRegistryImpl.class);

    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Blueprint bind. */
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

    /** Blueprint unbind. */
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
