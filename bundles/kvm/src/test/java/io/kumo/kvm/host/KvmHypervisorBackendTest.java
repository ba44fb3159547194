package io.kumo.kvm.host;

import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.kvm.event.EventSinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KVM backend against libvirt's test driver ({@code test:///default}), through libvirt-java: no daemon. */
class KvmHypervisorBackendTest {
    private RecordingSink sink;
    private KvmHypervisorBackend backend;
    private HostConnection host;

    @BeforeEach
    void setUp() {
        sink = new RecordingSink();
        backend = new KvmHypervisorBackend(new EventSinks(List.of(sink)));
        host = host(uuid(), "test:///default");
    }

    @AfterEach
    void tearDown() {
        backend.close();
    }

    static String uuid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static HostConnection host(String uuid, String uri) {
        return new HostConnection(uuid, "c", "127.0.0.1", null, "root", "secret",
                Map.of(KvmHostSettings.LIBVIRT_URI, uri, KvmHostSettings.STOP_TIMEOUT, "1",
                        KvmHostSettings.CONNECT_TIMEOUT, "5"));
    }

    static VmSpec vm(String hostUuid) {
        return new VmSpec(uuid(), "vm-1", hostUuid, 1, 256L << 20, "Linux",
                List.of(new VmSpec.Disk(uuid(), "/var/lib/kumo/root.qcow2", "qcow2", 0, true)),
                List.of(new VmSpec.Nic(uuid(), "fa:16:3e:00:00:01", "10.0.0.5", uuid(), "L2NoVlanNetwork", "eth0", null, 1500, 0)),
                Map.of(VmSpec.CONSOLE_PASSWORD, "pw"), List.of(new VmSpec.Cdrom(0, null, null)));
    }

    private Domain domain(VmSpec vm) throws Exception {
        return backend.connections().get(host).domainLookupByName(vm.vmUuid());
    }

    @Test
    void connectReadsTheTestDriversFacts() throws Exception {
        HostFacts facts = backend.connect(host);
        // the test driver describes a 2-node, 2-socket, 2-core, 2-thread host with 3 GiB (node info) at 1.4 GHz
        assertEquals(16, facts.cpuNum());
        assertEquals(4, facts.cpuSockets());
        assertEquals("x86_64", facts.architecture(), "the test driver stands in for an x86_64 host");
        assertEquals(3L * 1024 * 1024 * 1024, facts.memory());
        assertFalse(facts.cpuModel().isBlank());
    }

    @Test
    void connectionIsReusedSoTheTestDriversStateLasts() throws Exception {
        backend.connect(host);
        Connect first = backend.connections().get(host);
        VmSpec vm = vm(host.hostUuid());
        backend.startVm(host, vm);
        backend.connect(host);
        assertSame(first, backend.connections().get(host));
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(vm.vmUuid()));
    }

    @Test
    void pingAnswersWithoutBlocking() throws Exception {
        assertTrue(backend.ping(host).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    void lifecycle() throws Exception {
        VmSpec vm = vm(host.hostUuid());
        backend.connect(host);
        assertNull(backend.vmStates(host).get(vm.vmUuid()));
        assertFalse(backend.vmStates(host).containsKey("test"), "the test driver's own domain is not a Kumo VM");

        backend.startVm(host, vm);
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(vm.vmUuid()));
        String xml = domain(vm).getXMLDesc(0);
        assertTrue(xml.contains("<title>vm-1</title>"), xml);
        backend.startVm(host, vm);  // idempotent
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(vm.vmUuid()));

        backend.pauseVm(host, vm);
        assertEquals(VmPowerState.Paused, backend.vmStates(host).get(vm.vmUuid()));
        KvmException paused = assertThrows(KvmException.class, () -> backend.startVm(host, vm));
        assertTrue(paused.getMessage().contains("resume it instead"), paused.getMessage());
        backend.resumeVm(host, vm);
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(vm.vmUuid()));

        int idBefore = domain(vm).getID();
        backend.rebootVm(host, vm);
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(vm.vmUuid()));
        assertTrue(domain(vm).getID() != idBefore, "a reboot starts the domain again");

        backend.stopVm(host, vm, false);
        assertFalse(backend.vmStates(host).containsKey(vm.vmUuid()), "a stopped VM leaves no domain on its host");
        backend.stopVm(host, vm, true);  // already stopped: fine
        backend.startVm(host, vm);
        backend.stopVm(host, vm, true);
        assertFalse(backend.vmStates(host).containsKey(vm.vmUuid()), "a stopped VM leaves no domain on its host");
        KvmException notRunning = assertThrows(KvmException.class, () -> backend.pauseVm(host, vm));
        assertTrue(notRunning.getMessage().contains("start it first"), notRunning.getMessage());
        assertThrows(KvmException.class, () -> backend.rebootVm(host, vm));

        backend.startVm(host, vm);
        backend.destroyVm(host, vm);
        assertFalse(backend.vmStates(host).containsKey(vm.vmUuid()));
        backend.destroyVm(host, vm);  // absent: fine
        assertTrue(sink.events().stream().noneMatch(e -> e.kind().equals("vm")),
                "Kumo's own changes are not reported back: " + sink.events());
    }

    @Test
    void changesOutsideKumoAreReported() throws Exception {
        VmSpec vm = vm(host.hostUuid());
        backend.startVm(host, vm);
        domain(vm).destroy();  // someone else powers it off
        RecordingSink.Event e = sink.await(x -> vm.vmUuid().equals(x.vmUuid()) && x.state() == VmPowerState.Stopped, 5000);
        assertNotNull(e, "events: " + sink.events());
        assertEquals(host.hostUuid(), e.hostUuid());
        assertTrue(e.reason().contains("outside Kumo"), e.reason());
    }

    @Test
    void changeCpuMemoryWithinTheRoomTheVmHas() throws Exception {
        VmSpec vm = vm(host.hostUuid());
        backend.startVm(host, vm);
        backend.changeCpuMemory(host, vm, 2, 256L << 20);
        assertEquals(2, domain(vm).getInfo().nrVirtCpu);
        HypervisorBackend.Unsupported tooMany = assertThrows(HypervisorBackend.Unsupported.class,
                () -> backend.changeCpuMemory(host, vm, 17, 256L << 20));
        assertTrue(tooMany.getMessage().contains("stop the VM to change beyond 16 vCPUs"), tooMany.getMessage());
        HypervisorBackend.Unsupported tooBig = assertThrows(HypervisorBackend.Unsupported.class,
                () -> backend.changeCpuMemory(host, vm, 2, 512L << 20));
        assertTrue(tooBig.getMessage().contains("stop the VM"), tooBig.getMessage());
    }

    @Test
    void hotPlug() throws Exception {
        VmSpec vm = vm(host.hostUuid());
        backend.startVm(host, vm);
        VmSpec.Disk data = new VmSpec.Disk(uuid(), "/var/lib/kumo/data.qcow2", "qcow2", 1, false);
        VmSpec.Nic nic = new VmSpec.Nic(uuid(), "fa:16:3e:00:00:02", "10.0.0.6", uuid(), "L2VlanNetwork", "eth0", 100, 1500, 1);
        tryOrClearError(() -> backend.attachVolume(host, vm, data), "vdb", true);
        tryOrClearError(() -> backend.detachVolume(host, vm, data), "vdb", false);
        tryOrClearError(() -> backend.attachNic(host, vm, nic), "br_eth0_100", true);
        tryOrClearError(() -> backend.detachNic(host, vm, nic), "br_eth0_100", false);
        tryOrClearError(() -> backend.changeCdrom(host, vm, new VmSpec.Cdrom(0, uuid(), "/iso/a.iso")), "/iso/a.iso", true);
    }

    interface Call {
        void run() throws Exception;
    }

    /** Either the test driver does it (and the live XML shows it) or the error says what failed. */
    private void tryOrClearError(Call call, String marker, boolean present) throws Exception {
        try {
            call.run();
        } catch (KvmException e) {  // the test driver of libvirt 9 has no device hot-plug
            assertTrue(e.getMessage().contains("on host " + host.hostUuid() + " failed")
                    && e.getMessage().contains("not supported"), e.getMessage());
            return;
        }
        for (String name : backend.vmStates(host).keySet()) {
            String xml = backend.connections().get(host).domainLookupByName(name).getXMLDesc(0);
            assertEquals(present, xml.contains(marker), xml);
        }
    }

    @Test
    void consoleEndpointOrClearError() throws Exception {
        VmSpec vm = vm(host.hostUuid());
        assertThrows(KvmException.class, () -> backend.consoleEndpoint(host, vm), "not running");
        backend.startVm(host, vm);
        // the test driver never assigns autoport VNC ports (the real port is checked by KvmLibvirtdE2ETest)
        KvmException e = assertThrows(KvmException.class, () -> backend.consoleEndpoint(host, vm));
        assertTrue(e.getMessage().contains("no VNC port"), e.getMessage());
    }

    @Test
    void migrationOnTheTestDriverFailsClearlyAndLeavesTheVm() throws Exception {
        HostConnection other = host(uuid(), "test:///default");
        VmSpec vm = vm(host.hostUuid());
        backend.startVm(host, vm);
        KvmException e = assertThrows(KvmException.class, () -> backend.migrateVm(host, other, vm));
        assertTrue(e.getMessage().contains("the VM stays on the source"), e.getMessage());
        assertEquals(VmPowerState.Running, backend.vmStates(host).get(vm.vmUuid()));
    }

    @Test
    void unreachableLibvirtFailsQuicklyWithWhatToCheck() {
        HostConnection dead = host(uuid(), "qemu+tcp://127.0.0.1:1/system");
        long t0 = System.nanoTime();
        KvmException e = assertThrows(KvmException.class, () -> backend.connect(dead));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));
        assertTrue(e.getMessage().contains("qemu+tcp://127.0.0.1:1/system"), e.getMessage());
        assertTrue(e.getMessage().contains("libvirtd"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
        assertThrows(Exception.class, () -> backend.ping(dead).toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    void aLibvirtThatNeverAnswersTimesOutAndPingDoesNotBlock() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());  // accepts, never answers
                    }
                } catch (java.io.IOException closed) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HostConnection mute = new HostConnection(uuid(), "c", "127.0.0.1", null, "root", "secret",
                    Map.of(KvmHostSettings.LIBVIRT_URI, "qemu+tcp://127.0.0.1:" + silent.getLocalPort() + "/system",
                            KvmHostSettings.CONNECT_TIMEOUT, "1"));
            long t0 = System.nanoTime();
            java.util.concurrent.CompletableFuture<Boolean> ping = backend.ping(mute).toCompletableFuture();
            assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(500), "ping returns at once");
            assertThrows(java.util.concurrent.ExecutionException.class, () -> ping.get(5, TimeUnit.SECONDS));
            KvmException e = assertThrows(KvmException.class, () -> backend.connect(mute));
            assertTrue(e.getMessage().contains("timed out after 1 s") && e.getMessage().contains("libvirtd listens"),
                    e.getMessage());
            for (java.net.Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void badUriIsRefused() {
        HostConnection bad = host(uuid(), "http://127.0.0.1/system");
        KvmException e = assertThrows(KvmException.class, () -> backend.connect(bad));
        assertTrue(e.getMessage().contains("qemu+tcp"), e.getMessage());
    }

    @Test
    void disconnectForgetsTheConnection() throws Exception {
        backend.connect(host);
        assertTrue(backend.connections().isOpen(host.hostUuid()));
        backend.disconnect(host);
        assertFalse(backend.connections().isOpen(host.hostUuid()));
        backend.disconnect(host);
    }
}
