package io.kumo.simulator.host;

import io.kumo.api.hypervisor.ConsoleEndpoint;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.HypervisorEventSink;
import io.kumo.api.hypervisor.VmPowerState;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every host the simulator knows in this JVM, by uuid. */
public class SimulatedHosts {
    private final Map<String, SimulatedHost> hosts = new ConcurrentHashMap<>();
    private volatile List<HypervisorEventSink> eventSinks = List.of();
    private volatile ConsoleEndpoint console = new ConsoleEndpoint("vnc", "127.0.0.1", 5900);

    /**
     * Records a host's facts when it connects, keeping its VMs and power state if it was known.
     *
     * @param uuid  the host
     * @param facts what it reports
     * @return the host
     */
    SimulatedHost connected(String uuid, HostFacts facts) {
        SimulatedHost host = hosts.computeIfAbsent(uuid, u -> new SimulatedHost(u, facts));
        host.facts(facts);
        return host;
    }

    /**
     * @param uuid a host
     * @return the host, known or not: a host Kumo has but this JVM never connected (e.g. after a restart) is
     *         simulated as powered on, with no VMs
     */
    SimulatedHost getOrCreate(String uuid) {
        return hosts.computeIfAbsent(uuid, u -> new SimulatedHost(u, null));
    }

    /** @param uuid a host @return it, if this simulator knows it */
    public Optional<SimulatedHost> get(String uuid) {
        return Optional.ofNullable(hosts.get(uuid));
    }

    /** @param uuid a host to forget with its VMs */
    void forget(String uuid) {
        hosts.remove(uuid);
    }

    /** @return every known host */
    public Collection<SimulatedHost> all() {
        return hosts.values();
    }

    /** @param uuid a known host to power off (its VMs stop) @return false if unknown */
    public boolean powerOff(String uuid) {
        return get(uuid).map(h -> {
            h.powerOff();
            // the backend notices its connection drop at once, as libvirt's keep-alive would
            eventSinks.forEach(sink -> sink.hostDisconnected(uuid, "simulated power cut (PowerOffSimulatorHost)"));
            return true;
        }).orElse(false);
    }

    /** @param uuid a known host to power on @return false if unknown */
    public boolean powerOn(String uuid) {
        return get(uuid).map(h -> { h.powerOn(); return true; }).orElse(false);
    }

    /** Powers every host on. */
    public void powerOnAll() {
        hosts.values().forEach(SimulatedHost::powerOn);
    }

    /**
     * Stops a VM behind Kumo's back, wherever it runs.
     *
     * @param vmUuid the VM
     * @return the host it was on, if any host knows it
     */
    public Optional<String> killVm(String vmUuid) {
        for (SimulatedHost host : hosts.values()) {
            if (host.kill(vmUuid)) {
                // a host without power reports nothing; Kumo reads the VM's state when it reconnects
                for (HypervisorEventSink sink : host.poweredOn() ? eventSinks : List.<HypervisorEventSink>of()) {
                    sink.vmStateChanged(host.uuid(), vmUuid, VmPowerState.Stopped, "killed outside Kumo (KillSimulatorVm)");
                }
                return Optional.of(host.uuid());
            }
        }
        return Optional.empty();
    }

    /** @param sinks the kernel's event sinks (a Blueprint reference list), told of VMs killed behind Kumo's back */
    public void setEventSinks(List<HypervisorEventSink> sinks) { this.eventSinks = sinks == null ? List.of() : sinks; }

    /** @return where VM consoles listen (set by ConfigureSimulatorConsole) */
    public ConsoleEndpoint console() { return console; }

    /** @param endpoint where every simulated VM's console listens from now on */
    public void console(ConsoleEndpoint endpoint) { this.console = endpoint; }

    /** @param vmUuid a VM @return the host that knows it, if any */
    public Optional<SimulatedHost> hostOf(String vmUuid) {
        return hosts.values().stream().filter(h -> h.vmState(vmUuid) != VmPowerState.Absent).findFirst();
    }
}
