package io.kumo.kvm.event;

import io.kumo.api.hypervisor.HypervisorEventSink;
import io.kumo.api.hypervisor.VmPowerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Hands events to the kernel's {@link HypervisorEventSink} services, if any (none in unit tests or while the kernel
 * restarts): the events are then only logged. A failing sink does not stop the others.
 */
public class EventSinks {
    private static final Logger LOG = LoggerFactory.getLogger(EventSinks.class);
    private final Supplier<? extends Iterable<HypervisorEventSink>> sinks;

    /** @param sinks the sinks, e.g. a Blueprint reference-list (a live view) */
    public EventSinks(List<HypervisorEventSink> sinks) {
        this(() -> sinks == null ? List.of() : sinks);
    }

    /** @param sinks where to find the current sinks */
    public EventSinks(Supplier<? extends Iterable<HypervisorEventSink>> sinks) {
        this.sinks = sinks;
    }

    /** @return sinks that drop everything */
    public static EventSinks none() {
        return new EventSinks(List.of());
    }

    /** Reports a VM state change. */
    public void vmStateChanged(String hostUuid, String vmUuid, VmPowerState state, String reason) {
        LOG.info("VM {} on host {} is {} ({})", vmUuid, hostUuid, state, reason);
        each(s -> s.vmStateChanged(hostUuid, vmUuid, state, reason));
    }

    /** Reports a lost host connection. */
    public void hostDisconnected(String hostUuid, String reason) {
        LOG.warn("KVM host {} disconnected: {}", hostUuid, reason);
        each(s -> s.hostDisconnected(hostUuid, reason));
    }

    private void each(java.util.function.Consumer<HypervisorEventSink> call) {
        try {
            for (HypervisorEventSink s : sinks.get()) {
                try {
                    call.accept(s);
                } catch (RuntimeException e) {
                    LOG.warn("event sink {} failed: {}", s, e.toString());
                }
            }
        } catch (RuntimeException e) {  // e.g. the Blueprint list changing or the service gone
            LOG.debug("no event sink: {}", e.toString());
        }
    }
}
