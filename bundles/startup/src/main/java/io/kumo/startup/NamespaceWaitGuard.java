package io.kumo.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.service.blueprint.container.BlueprintEvent;
import org.osgi.service.blueprint.container.BlueprintListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a Blueprint bundle whose container could not get a namespace handler that is in fact registered: still
 * waiting for it some time after its service appeared, or failed with "Unsupported node namespace" and the handler
 * back since.
 *
 * <p>A namespace handler that needs the transaction manager (Aries' transactions handler) goes and comes when the
 * transaction manager is re-registered during start-up. Aries Blueprint can then miss the handler's return while a
 * container is being set up, and the container waits for ever; or it parses the container's XML in the gap, and the
 * container fails. Either happens about once in a hundred starts. A bundle whose handler is really absent is left
 * alone until it appears, and a bundle is restarted at most {@code maxRestarts} times.
 */
final class NamespaceWaitGuard implements BlueprintListener {

    /** The part of the OSGi framework the guard uses: separate so that it can be tested without one. */
    interface Framework {
        /** Whether a service matching this LDAP filter is registered. */
        boolean serviceAvailable(String filter);

        /** Stops and starts the bundle again, so that its Blueprint container is built afresh. */
        void restart(Bundle bundle) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceWaitGuard.class);
    private static final Pattern NAMESPACE = Pattern.compile("osgi\\.service\\.blueprint\\.namespace=([^)]+)");
    private static final Pattern UNSUPPORTED = Pattern.compile("Unsupported (?:node|attribute) namespace: (\\S+)");
    private static final String HANDLER_CLASS = "objectClass=org.apache.aries.blueprint.NamespaceHandler";

    private final Framework framework;
    private final ScheduledExecutorService timer;
    private final Duration patience;
    private final int maxRestarts;
    private final Map<Long, Wait> waits = new ConcurrentHashMap<>();
    private final Map<Long, Integer> restarts = new ConcurrentHashMap<>();

    NamespaceWaitGuard(Framework framework, ScheduledExecutorService timer, Duration patience, int maxRestarts) {
        this.framework = framework;
        this.timer = timer;
        this.patience = patience;
        this.maxRestarts = maxRestarts;
    }

    @Override
    public void blueprintEvent(BlueprintEvent event) {
        long bundleId = event.getBundle().getBundleId();
        List<String> handlers = switch (event.getType()) {
            case BlueprintEvent.GRACE_PERIOD -> namespaceHandlerFilters(event.getDependencies());
            case BlueprintEvent.FAILURE -> missingHandlerFilters(event.getCause());
            default -> List.of();
        };
        if (handlers.isEmpty()) {
            // created, destroyed, failed otherwise or now waiting for services: no longer our business
            waits.remove(bundleId);
            return;
        }
        Wait wait = new Wait(event.getBundle(), handlers, System.nanoTime(), event.getType() == BlueprintEvent.FAILURE);
        waits.put(bundleId, wait);
        schedule(wait);
    }

    private void schedule(Wait wait) {
        timer.schedule(() -> check(wait), patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(Wait wait) {
        long bundleId = wait.bundle.getBundleId();
        if (waits.get(bundleId) != wait) {
            return; // the container has moved on since
        }
        if (!wait.handlers.stream().allMatch(framework::serviceAvailable)) {
            schedule(wait); // the handler is really missing: Blueprint's own grace period decides
            return;
        }
        waits.remove(bundleId, wait);
        String name = wait.bundle.getSymbolicName();
        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - wait.sinceNanos);
        int attempt = restarts.merge(bundleId, 1, Integer::sum);
        if (attempt > maxRestarts) {
            if (attempt == maxRestarts + 1) {
                LOG.error("Blueprint bundle {} still waits for namespace handlers {} that are registered, after {}"
                        + " restarts; see why with 'bundle:diag {}' and restart it with 'bundle:restart {}'",
                        name, namespaces(wait.handlers), maxRestarts, bundleId, bundleId);
            }
            return;
        }
        LOG.warn("Blueprint bundle {} {} namespace handlers {} that are registered now (an Aries Blueprint start-up"
                + " race); restarting it ({} of at most {})", name, wait.failed ? "failed for want of"
                : "has waited " + waited + " s for", namespaces(wait.handlers), attempt, maxRestarts);
        try {
            framework.restart(wait.bundle);
        } catch (Exception e) {
            LOG.error("Could not restart bundle {}; restart it with 'bundle:restart {}'", name, bundleId, e);
        }
    }

    /** The dependencies of a grace-period event that are namespace handlers. */
    static List<String> namespaceHandlerFilters(String[] dependencies) {
        List<String> handlers = new ArrayList<>();
        if (dependencies != null) {
            for (String dependency : dependencies) {
                if (dependency != null && dependency.contains(HANDLER_CLASS)) {
                    handlers.add(dependency);
                }
            }
        }
        return handlers;
    }

    /** The handlers a container failed for want of ("Unsupported node namespace: uri" in the cause chain). */
    static List<String> missingHandlerFilters(Throwable cause) {
        List<String> handlers = new ArrayList<>();
        for (Throwable t = cause; t != null && handlers.isEmpty(); t = t.getCause() == t ? null : t.getCause()) {
            Matcher matcher = UNSUPPORTED.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                handlers.add("(&(" + HANDLER_CLASS + ")(osgi.service.blueprint.namespace=" + matcher.group(1) + "))");
            }
        }
        return handlers;
    }

    /** The namespace URIs named by handler filters, for log messages. */
    private static List<String> namespaces(List<String> handlerFilters) {
        return handlerFilters.stream().map(filter -> {
            Matcher matcher = NAMESPACE.matcher(filter);
            return matcher.find() ? matcher.group(1) : filter;
        }).toList();
    }

    /** One event of one bundle that named namespace handlers: a wait for them, or a failure for want of them. */
    private record Wait(Bundle bundle, List<String> handlers, long sinceNanos, boolean failed) { }
}
