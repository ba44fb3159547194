package io.kumo.startup;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.blueprint.container.BlueprintListener;

/**
 * Registers the {@link NamespaceWaitGuard} as a Blueprint listener. A plain activator rather than Blueprint, so that
 * it works however Blueprint itself is doing. The patience is {@code kumo.startup.namespaceWaitSeconds} (default 10).
 */
public final class StartupGuardActivator implements BundleActivator {

    private ScheduledExecutorService timer;
    private ServiceRegistration<BlueprintListener> registration;

    @Override
    public void start(BundleContext context) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kumo-startup-guard");
            thread.setDaemon(true);
            return thread;
        });
        Duration patience = Duration.ofSeconds(Long.getLong("kumo.startup.namespaceWaitSeconds", 10));
        NamespaceWaitGuard guard = new NamespaceWaitGuard(new OsgiFramework(context), timer, patience, 3);
        // Blueprint replays each bundle's last event to a new listener, so containers already waiting are seen too
        registration = context.registerService(BlueprintListener.class, guard, null);
    }

    @Override
    public void stop(BundleContext context) {
        if (registration != null) {
            registration.unregister();
        }
        timer.shutdownNow();
    }

    /** The framework as the guard sees it. */
    private record OsgiFramework(BundleContext context) implements NamespaceWaitGuard.Framework {
        @Override
        public boolean serviceAvailable(String filter) {
            try {
                return context.getServiceReferences((String) null, filter) != null;
            } catch (InvalidSyntaxException e) {
                return false;
            }
        }

        @Override
        public void restart(Bundle bundle) throws Exception {
            if (bundle.getState() == Bundle.ACTIVE) {
                bundle.stop(Bundle.STOP_TRANSIENT);
                bundle.start(Bundle.START_TRANSIENT);
            }
        }
    }
}
