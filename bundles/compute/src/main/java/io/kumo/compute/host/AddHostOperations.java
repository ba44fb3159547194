package io.kumo.compute.host;

import io.kumo.api.cluster.ClusterService;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.operation.Operation;
import io.kumo.api.tag.TagService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one add-host operation per hypervisor backend: when a backend is registered, the operation it declares is
 * registered as an {@link Operation} service (so REST, the shell and the bus serve it); when it goes, so does the
 * operation.
 */
public class AddHostOperations {
    private static final Logger LOG = LoggerFactory.getLogger(AddHostOperations.class);
    private final ServiceTracker<HypervisorBackend, ServiceRegistration<Operation>> tracker;

    /** Wires the tracker. */
    public AddHostOperations(BundleContext context, HostStore store, HostManager hosts, ClusterService clusters,
                             TagService tags, EventPublisher events, LicenceService licences) {
        this.tracker = new ServiceTracker<>(context, HypervisorBackend.class, null) {
            @Override
            public ServiceRegistration<Operation> addingService(ServiceReference<HypervisorBackend> reference) {
                HypervisorBackend backend = context.getService(reference);
                if (backend == null) {
                    return null;
                }
                try {
                    AddHostOperation op = new AddHostOperation(backend, store, hosts, clusters, tags, events, licences);
                    LOG.info("serving {} for {} hosts", op.descriptor().name(), backend.hypervisorType());
                    return context.registerService(Operation.class, op, null);
                } catch (RuntimeException e) {
                    LOG.error("cannot serve the add-host operation of the {} backend", backend.hypervisorType(), e);
                    context.ungetService(reference);
                    return null;
                }
            }

            @Override
            public void removedService(ServiceReference<HypervisorBackend> reference, ServiceRegistration<Operation> registration) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // unregistered with our bundle stopping
                }
                context.ungetService(reference);
            }
        };
    }

    /** Starts serving the backends' operations. */
    public void open() { tracker.open(); }

    /** Stops serving them. */
    public void close() { tracker.close(); }
}
