package io.kumo.compute.vm;

import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.hypervisor.HypervisorEventSink;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.compute.host.HostConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The kernel's {@link HypervisorEventSink} (an OSGi service backends look up): a VM whose state changed on its host
 * outside Kumo takes the reported state (Running, Paused; Stopped or Absent → Stopped, its host capacity released) with
 * a STATE_CHANGED event, unless a job on it is in flight (a transitional state: the job wins and reads the truth
 * itself) or it no longer runs on the reporting host; a lost host connection turns the host Disconnected at once
 * ({@link HostConnectionManager}), whose VMs then become Unknown as after failed pings. Calls return at once; the work
 * runs on one worker thread, in the order reported.
 */
public class VmEventSink implements HypervisorEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(VmEventSink.class);
    /** States no job is changing. */
    static final Set<String> SETTLED = Set.of(VmStates.RUNNING, VmStates.PAUSED, VmStates.STOPPED, VmStates.UNKNOWN);

    private final VmLifecycle vms;
    private final HostConnectionManager connections;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kumo-hypervisor-events");
        t.setDaemon(true);
        return t;
    });

    /** @param vms the lifecycle @param connections the host connection tracker */
    public VmEventSink(VmLifecycle vms, HostConnectionManager connections) {
        this.vms = vms;
        this.connections = connections;
    }

    /** Stops the worker. */
    public void close() { worker.shutdownNow(); }

    @Override
    public void vmStateChanged(String hostUuid, String vmUuid, VmPowerState state, String reason) {
        worker.execute(() -> {
            try {
                apply(hostUuid, vmUuid, state, reason);
            } catch (RuntimeException e) {
                LOG.warn("could not apply the state {} of VM {} reported by host {}", state, vmUuid, hostUuid, e);
            }
        });
    }

    @Override
    public void hostDisconnected(String hostUuid, String reason) {
        connections.reportDisconnected(hostUuid, reason);
    }

    /** @param power what the hypervisor reports @return the VM state it means */
    static String stateOf(VmPowerState power) {
        return switch (power) {
            case Running -> VmStates.RUNNING;
            case Paused -> VmStates.PAUSED;
            case Stopped, Absent -> VmStates.STOPPED;
        };
    }

    /** Applies one report. */
    void apply(String hostUuid, String vmUuid, VmPowerState power, String reason) {
        VmInstanceEntity vm = vms.vms().find(vmUuid);
        if (vm == null || !hostUuid.equals(vm.getHostUuid())) {
            LOG.debug("host {} reports VM {} {}: not a VM of that host, ignored", hostUuid, vmUuid, power);
            return;
        }
        String old = vm.getState();
        if (!SETTLED.contains(old)) {
            LOG.info("host {} reports VM {} {} ({}) while a job has it {}: the job decides", hostUuid, vmUuid, power, reason, old);
            return;
        }
        String next = stateOf(power);
        if (next.equals(old)) {
            return;
        }
        if (VmStates.STOPPED.equals(next)) {
            vms.releaseHostOf(vmUuid);
            removeFromHost(vmUuid, hostUuid);
        }
        vms.vms().update(vmUuid, v -> v.setState(next));
        LOG.warn("VM {} changed from {} to {} outside Kumo on host {}: {}", vmUuid, old, next, hostUuid,
                reason == null ? "no reason given" : reason);
        VmInstanceInventory inv = vms.vms().inventory(vmUuid);
        vms.events().publish(new ResourceEvent(EventType.STATE_CHANGED, VmInstanceInventory.RESOURCE_TYPE, vmUuid, inv, old,
                next, null, null));
    }

    /** A VM stopped behind Kumo's back leaves nothing on its host, as a stop through Kumo does; the next start re-places it. */
    private void removeFromHost(String vmUuid, String hostUuid) {
        try {
            vms.destroyOn(vmUuid, hostUuid);
        } catch (Exception e) {
            LOG.warn("VM {} stopped outside Kumo; could not remove it from host {}: {}", vmUuid, hostUuid, e.getMessage());
        }
    }
}
