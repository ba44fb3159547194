package io.kumo.simulator.host;

import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.simulator.SimulatorException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated host: its facts, whether it is powered on, and the power state of each VM it runs. Thread-safe; small
 * enough for tens of thousands per JVM.
 */
public final class SimulatedHost {
    private final String uuid;
    private final Map<String, VmPowerState> vms = new ConcurrentHashMap<>();
    /** The data volumes plugged into each VM. */
    private final Map<String, java.util.Set<String>> disks = new ConcurrentHashMap<>();
    /** What each VM was started with, changed by hot-plugs: what a test reads back (never its console password). */
    private final Map<String, VmSpec> specs = new ConcurrentHashMap<>();
    private volatile HostFacts facts;
    private volatile boolean poweredOn = true;

    SimulatedHost(String uuid, HostFacts facts) {
        this.uuid = uuid;
        this.facts = facts;
    }

    /** @return the host uuid */
    public String uuid() { return uuid; }

    /** @return the facts it reported when last connected */
    public HostFacts facts() { return facts; }

    void facts(HostFacts value) { this.facts = value; }

    /** @return whether it is powered on */
    public boolean poweredOn() { return poweredOn; }

    /** Powers it off: every VM on it stops, as when a real host loses power. */
    void powerOff() {
        poweredOn = false;
        vms.replaceAll((vm, state) -> VmPowerState.Stopped);
    }

    /** Powers it back on; its VMs stay stopped. */
    void powerOn() {
        poweredOn = true;
    }

    /** @throws SimulatorException if the host is powered off */
    void requirePoweredOn() throws SimulatorException {
        if (!poweredOn) {
            throw new SimulatorException("simulator host " + uuid + " is powered off (by PowerOffSimulatorHost);"
                    + " power it on with PowerOnSimulatorHost");
        }
    }

    /** @param vmUuid a VM @return its power state, {@link VmPowerState#Absent} if the host does not know it */
    public VmPowerState vmState(String vmUuid) {
        return vms.getOrDefault(vmUuid, VmPowerState.Absent);
    }

    /** @return a copy of every VM's power state */
    public Map<String, VmPowerState> vmStates() {
        return Map.copyOf(vms);
    }

    /**
     * Moves a VM from one power state to another atomically.
     *
     * @param vmUuid     the VM
     * @param transition the new state given the current one ({@link VmPowerState#Absent} if unknown); returns
     *                   {@link VmPowerState#Absent} to forget the VM
     * @throws SimulatorException if the transition refuses the current state
     */
    void transition(String vmUuid, Transition transition) throws SimulatorException {
        SimulatorException[] refused = new SimulatorException[1];
        vms.compute(vmUuid, (vm, current) -> {
            try {
                VmPowerState next = transition.next(current == null ? VmPowerState.Absent : current);
                return next == VmPowerState.Absent ? null : next;
            } catch (SimulatorException e) {
                refused[0] = e;
                return current;
            }
        });
        if (refused[0] != null) {
            throw refused[0];
        }
    }

    /** Computes a VM's next power state from its current one. */
    @FunctionalInterface
    interface Transition {
        VmPowerState next(VmPowerState current) throws SimulatorException;
    }

    /** @param vmUuid a VM started with these data volumes */
    void disks(String vmUuid, java.util.Collection<String> volumeUuids) {
        disks.put(vmUuid, ConcurrentHashMap.newKeySet());
        disks.get(vmUuid).addAll(volumeUuids);
    }

    /** @param vmUuid a VM @return the data volumes plugged into it */
    public java.util.Set<String> disks(String vmUuid) {
        return java.util.Set.copyOf(disks.getOrDefault(vmUuid, java.util.Set.of()));
    }

    /**
     * Plugs a volume into, or unplugs it from, a running or paused VM.
     *
     * @throws SimulatorException if the VM does not run here, or the volume is already (or not) plugged
     */
    synchronized void plug(String vmUuid, String volumeUuid, boolean in) throws SimulatorException {
        VmPowerState state = vmState(vmUuid);
        if (state != VmPowerState.Running && state != VmPowerState.Paused) {
            throw new SimulatorException("cannot " + (in ? "attach" : "detach") + " volume " + volumeUuid + ": VM " + vmUuid
                    + " is " + (state == VmPowerState.Absent ? "not on simulator host " + uuid : state) + "; start it first");
        }
        java.util.Set<String> plugged = disks.computeIfAbsent(vmUuid, v -> ConcurrentHashMap.newKeySet());
        if (in ? !plugged.add(volumeUuid) : !plugged.remove(volumeUuid)) {
            throw new SimulatorException("volume " + volumeUuid + " is " + (in ? "already" : "not") + " plugged into VM " + vmUuid);
        }
    }

    /** @param vmUuid a VM @return the spec it runs with here, if any */
    public java.util.Optional<VmSpec> spec(String vmUuid) { return java.util.Optional.ofNullable(specs.get(vmUuid)); }

    /** @param spec what a VM runs with now (null removes it) @param vmUuid the VM */
    void spec(String vmUuid, VmSpec spec) {
        if (spec == null) {
            specs.remove(vmUuid);
        } else {
            specs.put(vmUuid, spec);
        }
    }

    /** @param vmUuid a VM to stop behind Kumo's back @return false if this host does not know it */
    boolean kill(String vmUuid) {
        return vms.computeIfPresent(vmUuid, (vm, state) -> VmPowerState.Stopped) != null;
    }
}
