package io.kumo.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.blueprint.container.BlueprintEvent;

class NamespaceWaitGuardTest {

    private static final String TX = "(&(objectClass=org.apache.aries.blueprint.NamespaceHandler)"
            + "(osgi.service.blueprint.namespace=http://aries.apache.org/xmlns/transactions/v2.0.0))";
    private static final String SERVICE = "(objectClass=io.kumo.api.operation.OperationRegistry)";
    private static final Duration PATIENCE = Duration.ofMillis(50);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final List<Long> restarted = new CopyOnWriteArrayList<>();
    private final NamespaceWaitGuard guard = new NamespaceWaitGuard(new NamespaceWaitGuard.Framework() {
        @Override
        public boolean serviceAvailable(String filter) {
            return registered.contains(filter);
        }

        @Override
        public void restart(Bundle bundle) {
            restarted.add(bundle.getBundleId());
        }
    }, timer, PATIENCE, 2);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void restartsABundleStillWaitingForAHandlerThatIsRegistered() throws Exception {
        registered.add(TX);
        guard.blueprintEvent(gracePeriod(bundle(42), TX));
        pause(6);
        assertEquals(List.of(42L), restarted);
    }

    @Test
    void leavesAloneABundleWhoseHandlerIsReallyMissingUntilItAppears() throws Exception {
        guard.blueprintEvent(gracePeriod(bundle(7), TX));
        pause(6);
        assertEquals(List.of(), restarted, "no handler registered: nothing to gain from a restart");
        registered.add(TX);
        pause(6);
        assertEquals(List.of(7L), restarted, "the handler came but the container did not notice: restart it");
    }

    @Test
    void forgetsABundleThatMovesOn() throws Exception {
        registered.add(TX);
        Bundle core = bundle(3);
        guard.blueprintEvent(gracePeriod(core, TX));
        guard.blueprintEvent(new BlueprintEvent(BlueprintEvent.CREATED, core, bundle(1)));
        Bundle rest = bundle(4);
        guard.blueprintEvent(gracePeriod(rest, TX));
        guard.blueprintEvent(gracePeriod(rest, SERVICE)); // got its handler, now waits for a service
        pause(6);
        assertEquals(List.of(), restarted);
    }

    @Test
    void restartsABundleAtMostTheGivenNumberOfTimes() throws Exception {
        registered.add(TX);
        Bundle stuck = bundle(9);
        for (int i = 0; i < 4; i++) {
            guard.blueprintEvent(gracePeriod(stuck, TX));
            pause(4);
        }
        assertEquals(List.of(9L, 9L), restarted);
    }

    @Test
    void restartsABundleThatFailedForWantOfAHandlerOnceItIsBack() throws Exception {
        Exception parse = new IllegalStateException("Unable to start container",
                new RuntimeException("Unsupported node namespace: http://aries.apache.org/xmlns/transactions/v2.0.0"));
        guard.blueprintEvent(new BlueprintEvent(BlueprintEvent.FAILURE, bundle(12), bundle(1), parse));
        pause(6);
        assertEquals(List.of(), restarted, "the handler is still away");
        registered.add(TX);
        pause(6);
        assertEquals(List.of(12L), restarted);

        guard.blueprintEvent(new BlueprintEvent(BlueprintEvent.FAILURE, bundle(13), bundle(1), new IllegalStateException("bad bean")));
        pause(6);
        assertEquals(List.of(12L), restarted, "a failure for another reason is not ours to retry");
    }

    @Test
    void picksTheNamespaceHandlersOutOfAnEventsDependencies() {
        assertEquals(List.of(TX), NamespaceWaitGuard.namespaceHandlerFilters(new String[] {SERVICE, TX}));
        assertTrue(NamespaceWaitGuard.namespaceHandlerFilters(null).isEmpty());
        assertEquals(List.of(TX), NamespaceWaitGuard.missingHandlerFilters(
                new RuntimeException("x", new RuntimeException("Unsupported node namespace: http://aries.apache.org/xmlns/transactions/v2.0.0"))));
        assertTrue(NamespaceWaitGuard.missingHandlerFilters(null).isEmpty());
    }

    private static BlueprintEvent gracePeriod(Bundle bundle, String... dependencies) {
        return new BlueprintEvent(BlueprintEvent.GRACE_PERIOD, bundle, bundle(1), dependencies);
    }

    private static void pause(int patiences) throws InterruptedException {
        Thread.sleep(PATIENCE.toMillis() * patiences);
    }

    private static Bundle bundle(long id) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> "bundle" + id;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "bundle" + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
