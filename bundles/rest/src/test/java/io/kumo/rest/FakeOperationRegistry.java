package io.kumo.rest;

import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory registry that notifies its listeners synchronously. */
final class FakeOperationRegistry implements OperationRegistry {
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    void add(Operation operation) {
        operations.put(operation.descriptor().name(), operation);
        listeners.forEach(l -> l.added(operation));
    }

    void remove(String name) {
        Operation removed = operations.remove(name);
        if (removed != null) {
            listeners.forEach(l -> l.removed(removed));
        }
    }

    int listenerCount() { return listeners.size(); }

    @Override public Collection<Operation> operations() { return new ArrayList<>(operations.values()); }

    @Override public Optional<Operation> find(String name) { return Optional.ofNullable(operations.get(name)); }

    @Override
    public AutoCloseable addListener(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
