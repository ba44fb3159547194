package io.kumo.simulator.host;

import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.simulator.SimulatorException;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatorHypervisorBackendTest {
    private static final String HOST = "a".repeat(32);
    private static final String VM = "b".repeat(32);

    private final FaultInjector faults = new FaultInjector();
    private final SimulatedHosts hosts = new SimulatedHosts();
    private final SimulatorHypervisorBackend backend = new SimulatorHypervisorBackend(hosts, faults);

    @AfterEach
    void close() {
        faults.close();
    }

    static HostConnection host(String uuid, Map<String, String> properties) {
        return new HostConnection(uuid, "c".repeat(32), "127.0.0.1", null, null, null, properties);
    }

    static HostConnection host() {
        return host(HOST, Map.of("cpuCapacity", "24", "memoryCapacity", "68719476736"));
    }

    static VmSpec vm(String uuid) {
        return new VmSpec(uuid, "vm", HOST, 1, 1L << 30, "Linux", List.of(), List.of(), Map.of());
    }

    @Test
    void factsComeFromTheProperties() throws Exception {
        HostFacts facts = backend.connect(host(HOST, Map.of("cpuCapacity", "24", "memoryCapacity", "68719476736",
                "architecture", "aarch64")));
        assertEquals(new HostFacts(24, 3, "Simulated CPU", "aarch64", 64L << 30), facts);
        assertEquals(facts, hosts.get(HOST).orElseThrow().facts());
    }

    @Test
    void factsHaveDefaultsAndRefuseNonsense() throws Exception {
        HostFacts facts = backend.connect(host(HOST, Map.of()));
        assertEquals(32, facts.cpuNum());
        assertEquals(4, facts.cpuSockets());
        assertEquals("x86_64", facts.architecture());
        assertEquals(128L << 30, facts.memory());
        assertEquals(1, backend.connect(host(HOST, Map.of("cpuCapacity", "1"))).cpuSockets());
        SimulatorException e = assertThrows(SimulatorException.class,
                () -> backend.connect(host(HOST, Map.of("cpuCapacity", "many"))));
        assertTrue(e.getMessage().contains("cpuCapacity"), e.getMessage());
        assertThrows(SimulatorException.class, () -> backend.connect(host(HOST, Map.of("memoryCapacity", "0"))));
    }

    @Test
    void vmStateMachine() throws Exception {
        HostConnection host = host();
        backend.connect(host);
        VmSpec vm = vm(VM);
        assertThrows(SimulatorException.class, () -> backend.pauseVm(host, vm), "pause an absent VM");
        assertThrows(SimulatorException.class, () -> backend.rebootVm(host, vm), "reboot an absent VM");

        backend.startVm(host, vm);
        assertEquals(Map.of(VM, VmPowerState.Running), backend.vmStates(host));
        backend.startVm(host, vm);
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(VM), "starting a running VM is a no-op");
        backend.rebootVm(host, vm);
        backend.pauseVm(host, vm);
        assertEquals(VmPowerState.Paused, backend.vmStates(host).get(VM));
        SimulatorException e = assertThrows(SimulatorException.class, () -> backend.startVm(host, vm));
        assertTrue(e.getMessage().contains("resume"), e.getMessage());
        assertThrows(SimulatorException.class, () -> backend.rebootVm(host, vm));
        assertEquals(VmPowerState.Paused, backend.vmStates(host).get(VM), "a refused transition changes nothing");
        backend.resumeVm(host, vm);
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(VM));
        backend.stopVm(host, vm, false);
        assertEquals(VmPowerState.Stopped, backend.vmStates(host).get(VM));
        assertThrows(SimulatorException.class, () -> backend.pauseVm(host, vm), "pause a stopped VM");
        assertThrows(SimulatorException.class, () -> backend.resumeVm(host, vm), "resume a stopped VM");
        backend.stopVm(host, vm, true);
        backend.destroyVm(host, vm);
        assertEquals(Map.of(), backend.vmStates(host));
        backend.destroyVm(host, vm);
    }

    @Test
    void pingCompletesAtOnceWithoutLatency() throws Exception {
        backend.connect(host());
        CompletableFuture<Boolean> ping = backend.ping(host()).toCompletableFuture();
        assertTrue(ping.isDone());
        assertTrue(ping.get());
    }

    @Test
    void pingWithLatencyDoesNotBlockTheCaller() throws Exception {
        backend.connect(host());
        faults.configure(HOST, SimulatedCall.PING, 300, 0, null);
        long start = System.nanoTime();
        CompletableFuture<Boolean> ping = backend.ping(host()).toCompletableFuture();
        long callMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertFalse(ping.isDone(), "completes only after the latency");
        assertTrue(callMs < 200, "the call returned in " + callMs + " ms");
        assertTrue(ping.get(5, TimeUnit.SECONDS));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 300);
    }

    @Test
    void injectedPingFailureCompletesExceptionallyThenRecovers() throws Exception {
        backend.connect(host());
        faults.configure(HOST, SimulatedCall.PING, 0, 1, "link down");
        ExecutionException e = assertThrows(ExecutionException.class, () -> backend.ping(host()).toCompletableFuture().get());
        assertTrue(e.getCause().getMessage().startsWith("link down: simulated failure of ping on host " + HOST),
                e.getCause().getMessage());
        assertTrue(backend.ping(host()).toCompletableFuture().get());
    }

    @Test
    void injectedFailuresOnVmCallsFailNTimesThenSucceed() throws Exception {
        HostConnection host = host();
        backend.connect(host);
        faults.configure(HOST, SimulatedCall.START_VM, 0, 2, null);
        for (int i = 0; i < 2; i++) {
            SimulatorException e = assertThrows(SimulatorException.class, () -> backend.startVm(host, vm(VM)));
            assertTrue(e.getMessage().contains("simulated failure of startVm for " + VM + " on host " + HOST), e.getMessage());
            assertEquals(VmPowerState.Absent, hosts.get(HOST).orElseThrow().vmState(VM), "a failed start changes nothing");
        }
        backend.startVm(host, vm(VM));
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(VM));
        backend.stopVm(host, vm(VM), false);
    }

    @Test
    void liveMigrationMovesARunningVmAndAFailedOneLeavesItOnTheSource() throws Exception {
        HostConnection source = host();
        HostConnection target = host("c".repeat(32), Map.of());
        backend.connect(source);
        backend.connect(target);
        assertThrows(SimulatorException.class, () -> backend.migrateVm(source, target, vm(VM)), "a VM not running is not migrated");
        backend.startVm(source, vm(VM));

        faults.configure(HOST, SimulatedCall.MIGRATE_VM, 0, 1, null);
        assertThrows(SimulatorException.class, () -> backend.migrateVm(source, target, vm(VM)));
        assertEquals(VmPowerState.Running, backend.vmStates(source).get(VM), "a failed migration leaves it on the source");
        assertEquals(null, backend.vmStates(target).get(VM));

        backend.migrateVm(source, target, vm(VM));
        assertEquals(VmPowerState.Running, backend.vmStates(target).get(VM));
        assertEquals(null, backend.vmStates(source).get(VM), "gone from the source");
    }

    @Test
    void anInjectionOnAVmTargetsOnlyThatVm() throws Exception {
        HostConnection host = host();
        String other = "d".repeat(32);
        faults.configure(VM, SimulatedCall.ALL, 0, -1, null);
        assertThrows(SimulatorException.class, () -> backend.startVm(host, vm(VM)));
        backend.startVm(host, vm(other));
        assertEquals(Map.of(other, VmPowerState.Running), backend.vmStates(host));
    }

    @Test
    void powerOffFailsPingsAndCallsAndStopsVms() throws Exception {
        HostConnection host = host();
        backend.connect(host);
        backend.startVm(host, vm(VM));
        assertTrue(hosts.powerOff(HOST));
        ExecutionException e = assertThrows(ExecutionException.class, () -> backend.ping(host).toCompletableFuture().get());
        assertTrue(e.getCause().getMessage().contains("powered off"), e.getCause().getMessage());
        assertThrows(SimulatorException.class, () -> backend.connect(host));
        assertThrows(SimulatorException.class, () -> backend.vmStates(host));
        assertThrows(SimulatorException.class, () -> backend.startVm(host, vm(VM)));

        assertTrue(hosts.powerOn(HOST));
        assertTrue(backend.ping(host).toCompletableFuture().get());
        assertEquals(Map.of(VM, VmPowerState.Stopped), backend.vmStates(host), "its VMs lost power");
        assertFalse(hosts.powerOff("e".repeat(32)), "unknown hosts cannot be powered off");
    }

    @Test
    void killVmDriftsItsState() throws Exception {
        HostConnection host = host();
        backend.connect(host);
        backend.startVm(host, vm(VM));
        assertEquals(HOST, hosts.killVm(VM).orElseThrow());
        assertEquals(Map.of(VM, VmPowerState.Stopped), backend.vmStates(host));
        assertTrue(hosts.killVm("f".repeat(32)).isEmpty());
    }

    @Test
    void aHostUnknownToThisJvmIsSimulatedAsUp() throws Exception {
        HostConnection host = host("9".repeat(32), Map.of());
        assertTrue(backend.ping(host).toCompletableFuture().get());
        assertEquals(Map.of(), backend.vmStates(host));
        backend.disconnect(host);
        assertTrue(hosts.get(host.hostUuid()).isEmpty());
    }

    @Test
    void concurrentStartsKeepEveryVm() throws Exception {
        List<HostConnection> hostsUsed = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            HostConnection host = host(String.format("%032x", h), Map.of());
            backend.connect(host);
            hostsUsed.add(host);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    HostConnection host = hostsUsed.get(n % hostsUsed.size());
                    backend.startVm(host, vm(String.format("%032x", 100_000 + n)));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int total = 0;
        for (HostConnection host : hostsUsed) {
            Map<String, VmPowerState> states = backend.vmStates(host);
            assertEquals(100, states.size());
            assertTrue(states.values().stream().allMatch(s -> s == VmPowerState.Running));
            total += states.size();
        }
        assertEquals(1000, total);
    }

    @Test
    void tenThousandPingsAllAnswer() throws Exception {
        List<CompletableFuture<Boolean>> pings = new ArrayList<>();
        faults.configure("all", SimulatedCall.PING, 20, 0, null);
        for (int h = 0; h < 10_000; h++) {
            HostConnection host = host(String.format("%032x", h), Map.of("cpuCapacity", "16"));
            backend.connect(host);
            pings.add(backend.ping(host).toCompletableFuture());
        }
        CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertTrue(pings.stream().allMatch(CompletableFuture::join));
        assertEquals(10_000, hosts.all().size());
    }

    @Test
    void volumesAreHotPluggedOnlyIntoRunningVmsAndUnpluggedOnce() throws Exception {
        HostConnection host = host();
        backend.connect(host);
        VmSpec.Disk data = new VmSpec.Disk("d".repeat(32), "simulator://ps/d", "qcow2", 1, false, VmSpec.BUS_SCSI, "0x5000000000000001");
        VmSpec.Disk root = new VmSpec.Disk("r".repeat(32), "simulator://ps/r", "qcow2", 0, true);
        assertThrows(SimulatorException.class, () -> backend.attachVolume(host, vm(VM), data), "the VM is not there");
        backend.startVm(host, vm(VM));
        backend.attachVolume(host, vm(VM), data);
        assertEquals(java.util.Set.of(data.volumeUuid()), hosts.get(HOST).orElseThrow().disks(VM));
        assertThrows(SimulatorException.class, () -> backend.attachVolume(host, vm(VM), data), "plugged twice");
        assertThrows(SimulatorException.class, () -> backend.attachVolume(host, vm(VM), root), "the root volume");
        backend.detachVolume(host, vm(VM), data);
        assertTrue(hosts.get(HOST).orElseThrow().disks(VM).isEmpty());
        assertThrows(SimulatorException.class, () -> backend.detachVolume(host, vm(VM), data), "unplugged twice");
        // a VM started with a data volume has it plugged
        VmSpec withDisk = new VmSpec(VM, "vm", HOST, 1, 1L << 30, "Linux", List.of(root, data), List.of(), Map.of());
        backend.stopVm(host, withDisk, true);
        assertThrows(SimulatorException.class, () -> backend.detachVolume(host, withDisk, data), "a stopped VM");
        backend.startVm(host, withDisk);
        backend.detachVolume(host, withDisk, data);
        // injected failures and unsupported calls
        faults.configure("all", SimulatedCall.ATTACH_VOLUME, 0, 1, null);
        assertThrows(SimulatorException.class, () -> backend.attachVolume(host, vm(VM), data));
        faults.configure("all", SimulatedCall.ATTACH_VOLUME, 0, -1, null, true);
        assertThrows(io.kumo.api.hypervisor.HypervisorBackend.Unsupported.class, () -> backend.attachVolume(host, vm(VM), data));
        assertTrue(hosts.get(HOST).orElseThrow().disks(VM).isEmpty(), "failed calls change nothing");
    }
}
