package io.kumo.rest;

import io.kumo.api.operation.Operation;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows the {@link OperationRegistry} and keeps an immutable {@link RouteSnapshot} of the routes to serve,
 * replaced atomically whenever an operation comes or goes. Bound to the registry by Blueprint through
 * {@link #bind}/{@link #unbind}, so that a restarted registry is followed too.
 */
public final class RouteCatalog implements OperationRegistry.Listener {
    private static final Logger log = LoggerFactory.getLogger(RouteCatalog.class);

    private final Object lock = new Object();
    private final String version;
    /** Operations served, by name. Guarded by {@link #lock}. */
    private final Map<String, OperationDescriptor> operations = new LinkedHashMap<>();
    /** Names with an event since the registry was bound; guarded by {@link #lock}. */
    private final Set<String> changed = new HashSet<>();
    private OperationRegistry registry;
    private AutoCloseable subscription;
    private volatile RouteSnapshot snapshot;

    /** Creates a catalog serving only the builtin routes until a registry is bound. */
    public RouteCatalog() {
        this(RestVersion.current());
    }

    /** @param version the version of Kumo shown in the index and the OpenAPI document */
    public RouteCatalog(String version) {
        this.version = version;
        this.snapshot = new RouteSnapshot(RouteTableBuilder.build(List.of()), version);
    }

    /** @return the version of Kumo */
    public String version() { return version; }

    /**
     * Starts following a registry: listens to it, then adds the operations it already has.
     *
     * @param newRegistry the registry
     */
    public void bind(OperationRegistry newRegistry) {
        if (newRegistry == null) {
            return;
        }
        synchronized (lock) {
            closeSubscription();
            registry = newRegistry;
            operations.clear();
            changed.clear();
        }
        AutoCloseable handle = newRegistry.addListener(this);
        Collection<Operation> existing = newRegistry.operations();
        synchronized (lock) {
            if (registry != newRegistry) {
                closeQuietly(handle);
                return;
            }
            subscription = handle;
            for (Operation operation : existing) {
                OperationDescriptor d = describe(operation);
                // an event seen since bind is newer than this listing
                if (d != null && !changed.contains(d.name())) {
                    operations.put(d.name(), d);
                }
            }
            rebuild();
            log.info("REST follows the operation registry: {} operations", operations.size());
        }
    }

    /**
     * Stops following a registry; its routes disappear.
     *
     * @param oldRegistry the registry going away
     */
    public void unbind(OperationRegistry oldRegistry) {
        synchronized (lock) {
            if (registry != null && oldRegistry != null && registry != oldRegistry) {
                return;
            }
            closeSubscription();
            registry = null;
            operations.clear();
            changed.clear();
            rebuild();
        }
    }

    /** Stops following the registry, if any. */
    public void close() {
        unbind(null);
    }

    @Override
    public void added(Operation operation) {
        OperationDescriptor d = describe(operation);
        if (d == null) {
            return;
        }
        synchronized (lock) {
            changed.add(d.name());
            operations.put(d.name(), d);
            rebuild();
        }
    }

    @Override
    public void removed(Operation operation) {
        OperationDescriptor d = describe(operation);
        if (d == null) {
            return;
        }
        synchronized (lock) {
            changed.add(d.name());
            if (operations.remove(d.name()) != null) {
                rebuild();
            }
        }
    }

    /** @return the routes served now */
    RouteSnapshot snapshot() { return snapshot; }

    private void rebuild() {
        snapshot = new RouteSnapshot(RouteTableBuilder.build(new ArrayList<>(operations.values())), version);
    }

    private void closeSubscription() {
        if (subscription != null) {
            closeQuietly(subscription);
            subscription = null;
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            log.debug("closing the registry listener failed: {}", e.toString());
        }
    }

    private static OperationDescriptor describe(Operation operation) {
        try {
            return operation.descriptor();
        } catch (RuntimeException e) {
            log.warn("an operation without a usable descriptor is not served over REST", e);
            return null;
        }
    }
}
