package io.kumo.simulator.fault;

import io.kumo.simulator.SimulatorException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The latency and failures injected into simulated calls, by target (a host, VM or storage uuid, or {@code all}) and
 * call (or {@code all}). The most specific injection wins: target and call, then target and any call, then any target
 * and the call, then any target and any call. Also owns the one scheduler that delays asynchronous calls, so that no
 * caller thread ever sleeps for a ping.
 */
public class FaultInjector {
    /** The target and call that match everything. */
    public static final String ALL = "all";

    private record Key(String target, SimulatedCall call) { }

    private static final class Injection {
        final long latencyMs;
        final AtomicInteger failures;
        final String message;
        final boolean unsupported;

        Injection(long latencyMs, int failures, String message) {
            this(latencyMs, failures, message, false);
        }

        Injection(long latencyMs, int failures, String message, boolean unsupported) {
            this.latencyMs = latencyMs;
            this.failures = new AtomicInteger(failures);
            this.message = message;
            this.unsupported = unsupported;
        }

        /** @return true if this call must fail, consuming one failure */
        boolean takeFailure() {
            while (true) {
                int left = failures.get();
                if (left < 0) {
                    return true;
                }
                if (left == 0) {
                    return false;
                }
                if (failures.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
        }
    }

    /**
     * What one call must do.
     *
     * @param latencyMs   how long it takes
     * @param failure     the failure message, or null to succeed
     * @param unsupported whether the failure says the backend does not support the call
     */
    public record Outcome(long latencyMs, String failure, boolean unsupported) {
        static final Outcome NORMAL = new Outcome(0, null);

        /** @param latencyMs how long it takes @param failure the failure message, or null to succeed */
        public Outcome(long latencyMs, String failure) { this(latencyMs, failure, false); }
    }

    /**
     * Work done by a call once its latency has passed.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Work<T> {
        /** @return the result @throws Exception to fail the call */
        T run() throws Exception;
    }

    private final Map<Key, Injection> injections = new ConcurrentHashMap<>();
    /** Failures of job steps, by {@code operation/step}. */
    private final Map<String, Injection> stepInjections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kumo-simulator-latency");
        t.setDaemon(true);
        return t;
    });

    /** Stops the scheduler; pending delayed calls are abandoned. */
    public void close() {
        scheduler.shutdownNow();
    }

    /**
     * Sets the injection for a target and call, replacing any; latency 0 and failures 0 remove it.
     *
     * @param target    a uuid or {@link #ALL}
     * @param call      the call, or {@link SimulatedCall#ALL}
     * @param latencyMs delay added to each call, 0 for none
     * @param failures  how many next calls fail; -1 for all; 0 for none
     * @param message   text added to failure messages, or null
     * @return the injection now active, or null if removed
     */
    public InjectionInventory configure(String target, SimulatedCall call, long latencyMs, int failures, String message) {
        return configure(target, call, latencyMs, failures, message, false);
    }

    /**
     * Sets the injection for a target and call, replacing any; latency 0 and failures 0 remove it.
     *
     * @param target      a uuid or {@link #ALL}
     * @param call        the call, or {@link SimulatedCall#ALL}
     * @param latencyMs   delay added to each call, 0 for none
     * @param failures    how many next calls fail; -1 for all; 0 for none
     * @param message     text added to failure messages, or null
     * @param unsupported the failures say the backend does not support the call
     *                    ({@link io.kumo.api.hypervisor.HypervisorBackend.Unsupported})
     * @return the injection now active, or null if removed
     */
    public InjectionInventory configure(String target, SimulatedCall call, long latencyMs, int failures, String message,
                                        boolean unsupported) {
        if (latencyMs < 0 || failures < -1) {
            throw new IllegalArgumentException("latencyMs must be >= 0 and failures >= -1");
        }
        Key key = new Key(target, call);
        if (latencyMs == 0 && failures == 0) {
            injections.remove(key);
            return null;
        }
        injections.put(key, new Injection(latencyMs, failures, message, unsupported));
        return new InjectionInventory(target, call.wireName(), latencyMs, failures, message);
    }

    /**
     * Makes the next runs of a job step fail before the step does anything, so that the job rolls back.
     *
     * @param operation an operation name, e.g. {@code CreateVmInstance}
     * @param step      one of its steps, e.g. {@code allocate-nics}
     * @param failures  how many next runs fail; -1 for all; 0 removes the injection
     * @param message   text added to failure messages, or null
     * @return the injection now active, or null if removed
     */
    public InjectionInventory configureStep(String operation, String step, int failures, String message) {
        if (failures < -1) {
            throw new IllegalArgumentException("failures must be >= -1");
        }
        if (failures == 0) {
            stepInjections.remove(operation + "/" + step);
            return null;
        }
        stepInjections.put(operation + "/" + step, new Injection(0, failures, message));
        return stepInventory(operation + "/" + step, failures, message);
    }

    /**
     * Decides whether a job step fails now, consuming one failure of a counted injection.
     *
     * @param operation the operation name @param step the step name
     * @return the failure message, or null to run the step
     */
    public String stepFailure(String operation, String step) {
        Injection found = stepInjections.isEmpty() ? null : stepInjections.get(operation + "/" + step);
        if (found == null || !found.takeFailure()) {
            return null;
        }
        String what = "simulated failure of step " + step + " of " + operation + " (configured by FailJobStep; clear it with ResetSimulator)";
        return found.message == null || found.message.isBlank() ? what : found.message + ": " + what;
    }

    private static InjectionInventory stepInventory(String key, int failures, String message) {
        int slash = key.indexOf('/');
        return new InjectionInventory(key.substring(0, slash), "step " + key.substring(slash + 1), 0, failures, message);
    }

    /** Removes every injection. */
    public void reset() {
        injections.clear();
        stepInjections.clear();
    }

    /** @return the active injections, ordered by target then call */
    public List<InjectionInventory> list() {
        return java.util.stream.Stream.concat(injections.entrySet().stream()
                .map(e -> new InjectionInventory(e.getKey().target(), e.getKey().call().wireName(), e.getValue().latencyMs,
                        e.getValue().failures.get(), e.getValue().message)),
                stepInjections.entrySet().stream().map(e -> stepInventory(e.getKey(), e.getValue().failures.get(), e.getValue().message)))
                .sorted(Comparator.comparing(InjectionInventory::target).thenComparing(InjectionInventory::call))
                .toList();
    }

    /**
     * Decides the outcome of one call, consuming one failure of a counted injection. An injection on the item wins over
     * one on the resource, which wins over one on {@code all}.
     *
     * @param call     the call
     * @param label    what the resource is, for messages, e.g. {@code host}
     * @param resource the host or storage uuid the call goes to
     * @param item     the VM, volume or image uuid it is about, or null
     * @return its latency and failure
     */
    public Outcome next(SimulatedCall call, String label, String resource, String item) {
        if (injections.isEmpty()) {
            return Outcome.NORMAL;
        }
        Injection found = item == null ? null : find(item, call);
        if (found == null) {
            found = find(resource, call);
        }
        if (found == null) {
            found = find(ALL, call);
        }
        if (found == null) {
            return Outcome.NORMAL;
        }
        boolean fails = found.takeFailure();
        if (fails && found.unsupported) {
            return new Outcome(found.latencyMs, call.wireName() + " on simulated " + label + " " + resource
                    + " (declared unsupported by ConfigureSimulator; clear it with ResetSimulator)", true);
        }
        String failure = fails ? failureMessage(call, label, resource, item, found.message) : null;
        return new Outcome(found.latencyMs, failure);
    }

    private Injection find(String target, SimulatedCall call) {
        Injection exact = injections.get(new Key(target, call));
        return exact != null ? exact : injections.get(new Key(target, SimulatedCall.ALL));
    }

    private static String failureMessage(SimulatedCall call, String label, String resource, String item, String message) {
        String what = "simulated failure of " + call.wireName() + (item == null ? "" : " for " + item) + " on " + label
                + " " + resource
                + " (configured by ConfigureSimulator; clear it with ResetSimulator)";
        return message == null || message.isBlank() ? what : message + ": " + what;
    }

    /**
     * Runs a blocking call: sleeps its latency, then fails or succeeds.
     *
     * @param call     the call
     * @param label    what the resource is
     * @param resource the host or storage uuid the call goes to
     * @param item     the VM, volume or image uuid it is about, or null
     * @throws SimulatorException if an injected failure applies, or if interrupted
     */
    public void apply(SimulatedCall call, String label, String resource, String item) throws SimulatorException {
        Outcome outcome = next(call, label, resource, item);
        if (outcome.latencyMs() > 0) {
            try {
                Thread.sleep(outcome.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulatorException(call.wireName() + " on " + label + " " + resource + " was interrupted");
            }
        }
        if (outcome.failure() != null && outcome.unsupported()) {
            throw new io.kumo.api.hypervisor.HypervisorBackend.Unsupported(outcome.failure());
        }
        if (outcome.failure() != null) {
            throw new SimulatorException(outcome.failure());
        }
    }

    /**
     * Runs a call asynchronously without blocking the caller: at once when there is no latency, else on the shared
     * scheduler after the latency.
     *
     * @param call     the call
     * @param label    what the resource is
     * @param resource the host or storage uuid the call goes to
     * @param work     computes the result (may throw to fail)
     * @param <T>      the result type
     * @return completes with the result, or exceptionally with the injected failure
     */
    public <T> CompletionStage<T> async(SimulatedCall call, String label, String resource, Work<T> work) {
        Outcome outcome = next(call, label, resource, null);
        if (outcome.latencyMs() == 0) {
            return complete(outcome, work);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.schedule(() -> complete(outcome, work).whenComplete((v, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(v);
            }
        }), outcome.latencyMs(), TimeUnit.MILLISECONDS);
        return result;
    }

    private static <T> CompletableFuture<T> complete(Outcome outcome, Work<T> work) {
        if (outcome.failure() != null) {
            return CompletableFuture.failedFuture(new SimulatorException(outcome.failure()));
        }
        try {
            return CompletableFuture.completedFuture(work.run());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
