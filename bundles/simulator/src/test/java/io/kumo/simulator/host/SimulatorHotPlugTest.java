package io.kumo.simulator.host;

import io.kumo.api.hypervisor.ConsoleEndpoint;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.HypervisorEventSink;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.simulator.SimulatorException;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The simulator's hot-plug calls, console endpoint and event reporting. */
class SimulatorHotPlugTest {
    private static final String HOST = "a".repeat(32);
    private static final String VM = "b".repeat(32);
    private final FaultInjector faults = new FaultInjector();
    private final SimulatedHosts hosts = new SimulatedHosts();
    private final SimulatorHypervisorBackend backend = new SimulatorHypervisorBackend(hosts, faults);
    private final VmSpec.Nic nic = new VmSpec.Nic("n".repeat(32), "fa:00:00:00:00:01", "10.0.0.9", "l".repeat(32), "L2NoVlanNetwork",
            "eth0", null, 1500, 1);

    @AfterEach
    void close() { faults.close(); }

    private VmSpec running() throws Exception {
        VmSpec vm = SimulatorHypervisorBackendTest.vm(VM);
        backend.startVm(SimulatorHypervisorBackendTest.host(), vm);
        return vm;
    }

    private VmSpec now() { return hosts.get(HOST).orElseThrow().spec(VM).orElseThrow(); }

    @Test
    void nicsAndCdromsChangeOnARunningVmOnly() throws Exception {
        assertThrows(SimulatorException.class, () -> backend.attachNic(SimulatorHypervisorBackendTest.host(),
                SimulatorHypervisorBackendTest.vm(VM), nic));
        VmSpec vm = running();
        backend.attachNic(SimulatorHypervisorBackendTest.host(), vm, nic);
        assertEquals(List.of(nic), now().nics());
        backend.changeCdrom(SimulatorHypervisorBackendTest.host(), vm, new VmSpec.Cdrom(0, "iso", "cache/iso"));
        assertEquals(List.of(new VmSpec.Cdrom(0, "iso", "cache/iso")), now().cdroms());
        backend.detachNic(SimulatorHypervisorBackendTest.host(), vm, nic);
        assertEquals(List.of(), now().nics());
        faults.configure(VM, SimulatedCall.ATTACH_NIC, 0, 1, null);
        assertThrows(SimulatorException.class, () -> backend.attachNic(SimulatorHypervisorBackendTest.host(), vm, nic));
        assertEquals(List.of(), now().nics(), "a failed hot-plug changes nothing");
    }

    @Test
    void cpuAndMemoryGrowLiveButDoNotShrink() throws Exception {
        VmSpec vm = running();
        backend.changeCpuMemory(SimulatorHypervisorBackendTest.host(), vm, 2, 2L << 30);
        assertEquals(2, now().cpuNum());
        assertThrows(HypervisorBackend.Unsupported.class,
                () -> backend.changeCpuMemory(SimulatorHypervisorBackendTest.host(), vm, 1, 2L << 30));
        assertEquals(2, now().cpuNum());
    }

    @Test
    void theConsoleIsWhereItWasConfigured() throws Exception {
        VmSpec vm = running();
        hosts.console(new ConsoleEndpoint("vnc", "127.0.0.1", 12345));
        assertEquals(12345, backend.consoleEndpoint(SimulatorHypervisorBackendTest.host(), vm).port());
    }

    @Test
    void killsAndPowerCutsAreReported() throws Exception {
        running();
        List<String> reported = new ArrayList<>();
        hosts.setEventSinks(List.of(new HypervisorEventSink() {
            @Override public void vmStateChanged(String host, String vm, VmPowerState state, String reason) {
                reported.add(host + " " + vm + " " + state);
            }

            @Override public void hostDisconnected(String host, String reason) { reported.add(host + " lost"); }
        }));
        hosts.killVm(VM);
        hosts.powerOff(HOST);
        hosts.killVm(VM);
        assertEquals(List.of(HOST + " " + VM + " Stopped", HOST + " lost"), reported, "a host without power reports no VM");
    }
}
