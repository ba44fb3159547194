package io.kumo.compute.storage;

import io.kumo.api.operation.Operation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import java.util.function.Function;

/**
 * Serves the add operation of each storage backend while the backend is registered: when a backend service comes,
 * the operation built from its {@code addOperation()} spec is registered as an {@link Operation} service (so REST,
 * the shell and the bus serve it); when the backend goes, the operation is withdrawn.
 *
 * @param <B> the backend SPI
 */
public class BackendOperations<B> {
    private final ServiceTracker<B, ServiceRegistration<Operation>> tracker;

    /**
     * @param context   the bundle context the operations are registered with
     * @param spi       the backend SPI
     * @param operation builds the add operation of a backend
     */
    public BackendOperations(BundleContext context, Class<B> spi, Function<B, Operation> operation) {
        this.tracker = new ServiceTracker<>(context, spi, null) {
            @Override
            public ServiceRegistration<Operation> addingService(ServiceReference<B> reference) {
                B backend = context.getService(reference);
                return backend == null ? null : context.registerService(Operation.class, operation.apply(backend), null);
            }

            @Override
            public void removedService(ServiceReference<B> reference, ServiceRegistration<Operation> registration) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle is stopping: its services are already unregistered
                }
                context.ungetService(reference);
            }
        };
    }

    /** Starts serving the operations of the backends registered now and later. */
    public void open() { tracker.open(); }

    /** Withdraws every operation. */
    public void close() { tracker.close(); }
}
