package io.kumo.compute.vm;

import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.api.host.HostInventory;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.vm.VmInstanceInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Follows host connectivity: when a host becomes Disconnected its VMs become Unknown; when it is Connected again the
 * hypervisor reports what runs there and Unknown VMs take that state (Running, Paused or Stopped; a VM the host does
 * not know is Stopped and its capacity released). Work runs off the event thread.
 */
public class VmHostSync implements ResourceEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(VmHostSync.class);
    private final VmLifecycle vms;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kumo-vm-host-sync");
        t.setDaemon(true);
        return t;
    });

    /** @param vms the lifecycle */
    public VmHostSync(VmLifecycle vms) { this.vms = vms; }

    /** Stops the worker. */
    public void close() { worker.shutdownNow(); }

    @Override
    public void onEvent(ResourceEvent event) {
        if (!HostInventory.RESOURCE_TYPE.equals(event.resourceType()) || event.type() == EventType.DELETED) {
            return;
        }
        worker.execute(() -> {
            try {
                sync(event.resourceUuid());
            } catch (Exception e) {
                LOG.warn("Could not sync the VMs of host {}", event.resourceUuid(), e);
            }
        });
    }

    /** Brings the VMs of a host in line with its status. */
    void sync(String hostUuid) throws Exception {
        HostInventory host = vms.hosts().get(hostUuid).orElse(null);
        if (host == null) {
            return;
        }
        if ("Disconnected".equals(host.status())) {
            for (VmInstanceInventory vm : vms.vms().onHost(hostUuid)) {
                if (!VmStates.UNKNOWN.equals(vm.state())) {
                    vms.settle(vm.uuid(), VmStates.UNKNOWN);
                }
            }
        } else if ("Connected".equals(host.status())) {
            Map<String, VmPowerState> states = null;
            for (VmInstanceInventory vm : vms.vms().onHost(hostUuid)) {
                if (!VmStates.UNKNOWN.equals(vm.state())) {
                    continue;
                }
                if (states == null) {
                    states = vms.hypervisor(hostUuid).vmStates(vms.connection(hostUuid));
                }
                VmPowerState power = states.getOrDefault(vm.uuid(), VmPowerState.Absent);
                switch (power) {
                    case Running -> vms.settle(vm.uuid(), VmStates.RUNNING);
                    case Paused -> vms.settle(vm.uuid(), VmStates.PAUSED);
                    default -> {
                        vms.releaseHostOf(vm.uuid());
                        vms.settle(vm.uuid(), VmStates.STOPPED);
                    }
                }
            }
        }
    }
}
