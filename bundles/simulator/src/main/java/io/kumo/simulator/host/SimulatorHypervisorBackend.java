package io.kumo.simulator.host;

import io.kumo.api.hypervisor.ConsoleEndpoint;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.simulator.SimulatorException;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.SimulatedCall;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The {@code Simulator} hypervisor: hosts with the capacity they were added with, VMs kept as power states in memory,
 * with the latency and failures injected through {@code ConfigureSimulator}. Cheap enough for 10,000 hosts and
 * 25,000 VMs in one JVM.
 */
public class SimulatorHypervisorBackend implements HypervisorBackend {
    /** The hypervisor type. */
    public static final String TYPE = "Simulator";
    /** Property: CPU threads. */
    public static final String CPU_CAPACITY = "cpuCapacity";
    /** Property: memory in bytes. */
    public static final String MEMORY_CAPACITY = "memoryCapacity";
    /** Property: CPU architecture. */
    public static final String ARCHITECTURE = "architecture";
    /** CPU threads per simulated socket. */
    static final int THREADS_PER_SOCKET = 8;
    private static final String LABEL = "host";

    private static final AddOperationSpec ADD_OPERATION = new AddOperationSpec("AddSimulatorHost", "/hosts/simulators",
            "Add a simulated host with the capacity given; it behaves like a real host, latency and failures injectable",
            List.of(
                    ParameterDescriptor.longParam(CPU_CAPACITY).range(1, Integer.MAX_VALUE).withDefault("32")
                            .describedAs("CPU threads the simulated host reports"),
                    ParameterDescriptor.longParam(MEMORY_CAPACITY).range(1, Long.MAX_VALUE).withDefault("137438953472")
                            .describedAs("memory in bytes the simulated host reports (default 128 GiB)"),
                    ParameterDescriptor.string(ARCHITECTURE).oneOf("x86_64", "aarch64", "mips64el", "loongarch64")
                            .withDefault("x86_64").describedAs("CPU architecture the simulated host reports")));

    private final SimulatedHosts hosts;
    private final FaultInjector faults;

    /** @param hosts the simulated hosts @param faults the injections */
    public SimulatorHypervisorBackend(SimulatedHosts hosts, FaultInjector faults) {
        this.hosts = hosts;
        this.faults = faults;
    }

    @Override public String hypervisorType() { return TYPE; }

    @Override public AddOperationSpec addOperation() { return ADD_OPERATION; }

    @Override
    public HostFacts connect(HostConnection host) throws SimulatorException {
        faults.apply(SimulatedCall.CONNECT, LABEL, host.hostUuid(), null);
        SimulatedHost known = hosts.get(host.hostUuid()).orElse(null);
        if (known != null) {
            known.requirePoweredOn();
        }
        HostFacts facts = facts(host);
        hosts.connected(host.hostUuid(), facts);
        return facts;
    }

    /** @param host a connection @return the facts its properties describe @throws SimulatorException if invalid */
    static HostFacts facts(HostConnection host) throws SimulatorException {
        long cpu = number(host, CPU_CAPACITY, 32);
        long memory = number(host, MEMORY_CAPACITY, 128L << 30);
        if (cpu < 1 || cpu > Integer.MAX_VALUE || memory < 1) {
            throw new SimulatorException("simulator host " + host.hostUuid() + " needs cpuCapacity in 1.."
                    + Integer.MAX_VALUE + " and memoryCapacity >= 1 byte; got " + cpu + " and " + memory);
        }
        int threads = (int) cpu;
        int sockets = Math.max(1, (threads + THREADS_PER_SOCKET - 1) / THREADS_PER_SOCKET);
        String arch = host.properties().getOrDefault(ARCHITECTURE, "x86_64");
        return new HostFacts(threads, sockets, "Simulated CPU", arch, memory);
    }

    private static long number(HostConnection host, String property, long fallback) throws SimulatorException {
        String value = host.properties().get(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new SimulatorException("simulator host " + host.hostUuid() + ": " + property + " must be a whole number, not '"
                    + value + "'");
        }
    }

    @Override
    public CompletionStage<Boolean> ping(HostConnection host) {
        return faults.async(SimulatedCall.PING, LABEL, host.hostUuid(), () -> {
            hosts.getOrCreate(host.hostUuid()).requirePoweredOn();
            return true;
        });
    }

    @Override
    public void disconnect(HostConnection host) {
        hosts.forget(host.hostUuid());
    }

    @Override
    public void startVm(HostConnection host, VmSpec vm) throws SimulatorException {
        onVm(SimulatedCall.START_VM, host, vm, current -> switch (current) {
            case Absent, Stopped, Running -> VmPowerState.Running;
            case Paused -> throw refused(vm, host, current, "start", "resume it instead");
        });
        hosts.getOrCreate(host.hostUuid()).disks(vm.vmUuid(),
                vm.disks().stream().filter(d -> !d.root()).map(VmSpec.Disk::volumeUuid).toList());
        hosts.getOrCreate(host.hostUuid()).spec(vm.vmUuid(), vm);
    }

    @Override
    public void stopVm(HostConnection host, VmSpec vm, boolean force) throws SimulatorException {
        onVm(SimulatedCall.STOP_VM, host, vm, current -> current == VmPowerState.Absent ? current : VmPowerState.Stopped);
    }

    @Override
    public void rebootVm(HostConnection host, VmSpec vm) throws SimulatorException {
        onVm(SimulatedCall.REBOOT_VM, host, vm, current -> {
            if (current != VmPowerState.Running) {
                throw refused(vm, host, current, "reboot", "start it instead");
            }
            return current;
        });
    }

    @Override
    public void pauseVm(HostConnection host, VmSpec vm) throws SimulatorException {
        onVm(SimulatedCall.PAUSE_VM, host, vm, current -> switch (current) {
            case Running, Paused -> VmPowerState.Paused;
            case Stopped, Absent -> throw refused(vm, host, current, "pause", "start it first");
        });
    }

    @Override
    public void resumeVm(HostConnection host, VmSpec vm) throws SimulatorException {
        onVm(SimulatedCall.RESUME_VM, host, vm, current -> switch (current) {
            case Running, Paused -> VmPowerState.Running;
            case Stopped, Absent -> throw refused(vm, host, current, "resume", "start it instead");
        });
    }

    @Override
    public void migrateVm(HostConnection source, HostConnection target, VmSpec vm) throws SimulatorException {
        faults.apply(SimulatedCall.MIGRATE_VM, LABEL, source.hostUuid(), vm.vmUuid());
        SimulatedHost from = hosts.getOrCreate(source.hostUuid());
        SimulatedHost to = hosts.getOrCreate(target.hostUuid());
        from.requirePoweredOn();
        to.requirePoweredOn();
        VmPowerState state = from.vmState(vm.vmUuid());
        if (state != VmPowerState.Running && state != VmPowerState.Paused) {
            throw refused(vm, source, state, "migrate", "start it first, or move it stopped");
        }
        to.transition(vm.vmUuid(), current -> state);
        from.transition(vm.vmUuid(), current -> VmPowerState.Absent);
        to.spec(vm.vmUuid(), from.spec(vm.vmUuid()).orElse(vm));
        from.spec(vm.vmUuid(), null);
    }

    @Override
    public void destroyVm(HostConnection host, VmSpec vm) throws SimulatorException {
        onVm(SimulatedCall.DESTROY_VM, host, vm, current -> VmPowerState.Absent);
        hosts.getOrCreate(host.hostUuid()).spec(vm.vmUuid(), null);
    }

    @Override
    public void attachNic(HostConnection host, VmSpec vm, VmSpec.Nic nic) throws SimulatorException {
        SimulatedHost h = running(SimulatedCall.ATTACH_NIC, host, vm, "hot-plug a NIC into");
        VmSpec now = h.spec(vm.vmUuid()).orElse(vm);
        java.util.List<VmSpec.Nic> nics = new java.util.ArrayList<>(now.nics());
        nics.removeIf(n -> n.nicUuid().equals(nic.nicUuid()));
        nics.add(nic);
        h.spec(vm.vmUuid(), with(now, now.cpuNum(), now.memory(), nics, now.cdroms()));
    }

    @Override
    public void detachNic(HostConnection host, VmSpec vm, VmSpec.Nic nic) throws SimulatorException {
        SimulatedHost h = running(SimulatedCall.DETACH_NIC, host, vm, "unplug a NIC from");
        VmSpec now = h.spec(vm.vmUuid()).orElse(vm);
        java.util.List<VmSpec.Nic> nics = new java.util.ArrayList<>(now.nics());
        nics.removeIf(n -> n.nicUuid().equals(nic.nicUuid()));
        h.spec(vm.vmUuid(), with(now, now.cpuNum(), now.memory(), nics, now.cdroms()));
    }

    @Override
    public void changeCdrom(HostConnection host, VmSpec vm, VmSpec.Cdrom cdrom) throws SimulatorException {
        SimulatedHost h = running(SimulatedCall.CHANGE_CDROM, host, vm, "change the CD-ROM of");
        VmSpec now = h.spec(vm.vmUuid()).orElse(vm);
        java.util.List<VmSpec.Cdrom> drives = new java.util.ArrayList<>(now.cdroms());
        drives.removeIf(d -> d.deviceId() == cdrom.deviceId());
        drives.add(cdrom);
        drives.sort(java.util.Comparator.comparingInt(VmSpec.Cdrom::deviceId));
        h.spec(vm.vmUuid(), with(now, now.cpuNum(), now.memory(), now.nics(), drives));
    }

    /** Grows vCPUs and memory live; shrinking is not supported live (as on most hypervisors). */
    @Override
    public void changeCpuMemory(HostConnection host, VmSpec vm, int cpuNum, long memory) throws SimulatorException {
        SimulatedHost h = running(SimulatedCall.CHANGE_CPU_MEMORY, host, vm, "change the CPU and memory of");
        VmSpec now = h.spec(vm.vmUuid()).orElse(vm);
        if (cpuNum < now.cpuNum() || memory < now.memory()) {
            throw new Unsupported("shrinking the vCPUs or memory of a running VM (simulator hosts only grow them live);"
                    + " stop the VM, change it, and start it again");
        }
        h.spec(vm.vmUuid(), with(now, cpuNum, memory, now.nics(), now.cdroms()));
    }

    @Override
    public ConsoleEndpoint consoleEndpoint(HostConnection host, VmSpec vm) throws SimulatorException {
        running(SimulatedCall.CONSOLE_ENDPOINT, host, vm, "open the console of");
        return hosts.console();
    }

    private SimulatedHost running(SimulatedCall call, HostConnection host, VmSpec vm, String verb) throws SimulatorException {
        faults.apply(call, LABEL, host.hostUuid(), vm.vmUuid());
        SimulatedHost h = hosts.getOrCreate(host.hostUuid());
        h.requirePoweredOn();
        VmPowerState state = h.vmState(vm.vmUuid());
        if (state != VmPowerState.Running && state != VmPowerState.Paused) {
            throw refused(vm, host, state, verb, "start it first");
        }
        return h;
    }

    private static VmSpec with(VmSpec s, int cpuNum, long memory, java.util.List<VmSpec.Nic> nics,
                               java.util.List<VmSpec.Cdrom> cdroms) {
        return new VmSpec(s.vmUuid(), s.name(), s.hostUuid(), cpuNum, memory, s.platform(), s.disks(), nics,
                s.properties(), cdroms);
    }

    @Override
    public void attachVolume(HostConnection host, VmSpec vm, VmSpec.Disk disk) throws SimulatorException {
        plug(SimulatedCall.ATTACH_VOLUME, host, vm, disk, true);
    }

    @Override
    public void detachVolume(HostConnection host, VmSpec vm, VmSpec.Disk disk) throws SimulatorException {
        plug(SimulatedCall.DETACH_VOLUME, host, vm, disk, false);
    }

    private void plug(SimulatedCall call, HostConnection host, VmSpec vm, VmSpec.Disk disk, boolean in) throws SimulatorException {
        faults.apply(call, LABEL, host.hostUuid(), disk.volumeUuid());
        SimulatedHost simulated = hosts.getOrCreate(host.hostUuid());
        simulated.requirePoweredOn();
        if (disk.root()) {
            throw new SimulatorException("the root volume of VM " + vm.vmUuid() + " cannot be hot-plugged");
        }
        simulated.plug(vm.vmUuid(), disk.volumeUuid(), in);
    }

    @Override
    public Map<String, VmPowerState> vmStates(HostConnection host) throws SimulatorException {
        faults.apply(SimulatedCall.VM_STATES, LABEL, host.hostUuid(), null);
        SimulatedHost simulated = hosts.getOrCreate(host.hostUuid());
        simulated.requirePoweredOn();
        return simulated.vmStates();
    }

    private void onVm(SimulatedCall call, HostConnection host, VmSpec vm, SimulatedHost.Transition transition)
            throws SimulatorException {
        faults.apply(call, LABEL, host.hostUuid(), vm.vmUuid());
        SimulatedHost simulated = hosts.getOrCreate(host.hostUuid());
        simulated.requirePoweredOn();
        simulated.transition(vm.vmUuid(), transition);
    }

    private static SimulatorException refused(VmSpec vm, HostConnection host, VmPowerState current, String verb,
                                              String advice) {
        return new SimulatorException("cannot " + verb + " VM " + vm.vmUuid() + " on simulator host " + host.hostUuid()
                + ": it is " + (current == VmPowerState.Absent ? "not on this host" : current) + "; " + advice);
    }
}
