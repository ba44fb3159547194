package io.kumo.compute.backend;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The backends of one SPI (hypervisor, primary or backup storage) registered right now, by type. A type becomes
 * usable when its backend's bundle starts and unavailable when it stops; nothing needs a restart.
 *
 * @param <B> the SPI
 */
public class BackendRegistry<B> {
    private final String what;
    private final Function<B, String> typeOf;
    private final Map<String, B> byType = new ConcurrentHashMap<>();
    private final ServiceTracker<B, B> tracker;

    /**
     * @param context the bundle context to track services in (null for tests: register with {@link #add})
     * @param spi     the SPI interface
     * @param what    what a backend is, for messages, e.g. {@code hypervisor}
     * @param typeOf  reads a backend's type
     */
    public BackendRegistry(BundleContext context, Class<B> spi, String what, Function<B, String> typeOf) {
        this.what = what;
        this.typeOf = typeOf;
        this.tracker = context == null ? null : new ServiceTracker<>(context, spi, null) {
            @Override
            public B addingService(org.osgi.framework.ServiceReference<B> reference) {
                B backend = super.addingService(reference);
                BackendRegistry.this.add(backend);
                return backend;
            }

            @Override
            public void removedService(org.osgi.framework.ServiceReference<B> reference, B backend) {
                BackendRegistry.this.remove(backend);
                super.removedService(reference, backend);
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

    /** @param backend a backend now available */
    public void add(B backend) { byType.put(typeOf.apply(backend), backend); }

    /** @param backend a backend going away */
    public void remove(B backend) { byType.remove(typeOf.apply(backend), backend); }

    /** @param type a type @return its backend, if one is registered now */
    public Optional<B> find(String type) { return type == null ? Optional.empty() : Optional.ofNullable(byType.get(type)); }

    /**
     * @param type a type
     * @return its backend
     * @throws ApiException {@link ErrorCode#TYPE_UNAVAILABLE} naming the types available, if none is registered
     */
    public B require(String type) {
        B backend = type == null ? null : byType.get(type);
        if (backend == null) {
            throw new ApiException(ErrorCode.TYPE_UNAVAILABLE, "no " + what + " backend of type " + type
                    + " is installed; available: " + types() + ". Install the feature that provides it, or use one of those");
        }
        return backend;
    }

    /** @return the types available now, sorted */
    public Set<String> types() { return new TreeSet<>(byType.keySet()); }
}
