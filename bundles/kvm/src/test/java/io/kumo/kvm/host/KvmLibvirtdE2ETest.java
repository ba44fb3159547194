package io.kumo.kvm.host;

import io.kumo.api.hypervisor.ConsoleEndpoint;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HostFacts;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.kvm.event.EventSinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KVM backend against real libvirtd and qemu (TCG) on two lab hosts ({@code itests/lab/kvm-lab.sh}): a VM booting
 * a 512-byte boot sector through its whole life, a hot-plugged disk and NIC, a live migration, a qemu process killed
 * outside Kumo and a libvirtd restart. Runs only with {@code -Dkumo.kvm.e2e=true} (Maven profile {@code kvm-e2e}); needs
 * root, libvirt-daemon-system and qemu-system-x86.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvmLibvirtdE2ETest {
    private static final Path LAB = Path.of("/tmp/kumo-kvm-lab");
    private static final Path SHARED = LAB.resolve("shared");
    private Path script;
    private RecordingSink sink;
    private KvmHypervisorBackend backend;
    private HostConnection host1;
    private HostConnection host2;

    @BeforeAll
    void lab() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kumo.kvm.e2e"),
                "KvmLibvirtdE2ETest runs only with -Dkumo.kvm.e2e=true (mvn -Pkvm-e2e): it starts libvirtd and qemu");
        script = Path.of(System.getProperty("kumo.kvm.lab.script", "../../itests/lab/kvm-lab.sh")).toAbsolutePath();
        String uris = run(List.of(script.toString(), "start", "2"), 180);
        assertTrue(uris.contains("qemu+tcp://10.252.0.11/system") && uris.contains("qemu+tcp://10.252.0.12/system"), uris);
        sink = new RecordingSink();
        backend = new KvmHypervisorBackend(new EventSinks(List.of(sink)));
        host1 = host(11);
        host2 = host(12);
    }

    @AfterAll
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
        if (script != null) {
            run(List.of(script.toString(), "stop", "2"), 120);
        }
    }

    private static HostConnection host(int last) {
        return new HostConnection(UUID.randomUUID().toString().replace("-", ""), "c", "10.252.0." + last, null, "root",
                "unused", Map.of(KvmHostSettings.LIBVIRT_URI, "qemu+tcp://10.252.0." + last + "/system",
                KvmHostSettings.STOP_TIMEOUT, "3", KvmHostSettings.CONNECT_TIMEOUT, "10", KvmHostSettings.MAX_VCPUS, "4",
                KvmHostSettings.MAX_MEMORY, String.valueOf(128L << 20)));
    }

    private static String run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + seconds + " s");
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), command + ": " + out);
        return out;
    }

    /** A boot sector that prints on the serial port and halts. */
    private static byte[] bootSector() {
        byte[] code = {0x31, (byte) 0xC0, (byte) 0x8E, (byte) 0xD8, (byte) 0xBA, (byte) 0xF8, 0x03, (byte) 0xBE, 0x15, 0x7C,
            (byte) 0xAC, (byte) 0x84, (byte) 0xC0, 0x74, 0x03, (byte) 0xEE, (byte) 0xEB, (byte) 0xF8, (byte) 0xF4,
            (byte) 0xEB, (byte) 0xFD};
        byte[] sector = new byte[512];
        System.arraycopy(code, 0, sector, 0, code.length);
        byte[] msg = "KUMO BOOT OK\r\n\0".getBytes();
        System.arraycopy(msg, 0, sector, code.length, msg.length);
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }

    private static Optional<ProcessHandle> qemuOf(String vmUuid) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("qemu-system")
                && c.contains("guest=" + vmUuid)).orElse(false)).findFirst();
    }

    private static void await(String what, long millis, Check check) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (!check.ok()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    @Test
    void aVmLivesMovesAndIsWatched() throws Exception {
        HostFacts facts = backend.connect(host1);
        assertTrue(facts.cpuNum() > 0 && facts.memory() > 0, facts.toString());
        assertEquals("x86_64", facts.architecture());
        backend.connect(host2);
        assertTrue(backend.ping(host1).toCompletableFuture().get(10, TimeUnit.SECONDS));

        String vmUuid = UUID.randomUUID().toString().replace("-", "");
        Path base = SHARED.resolve("boot-" + vmUuid + ".raw");
        Files.write(base, bootSector());
        Path root = SHARED.resolve("root-" + vmUuid + ".qcow2");
        Path data = SHARED.resolve("data-" + vmUuid + ".qcow2");
        run(List.of("qemu-img", "create", "-q", "-f", "qcow2", "-b", base.toString(), "-F", "raw", root.toString()), 30);
        run(List.of("qemu-img", "create", "-q", "-f", "qcow2", data.toString(), "16M"), 30);
        VmSpec.Disk rootDisk = new VmSpec.Disk(uuid(), root.toString(), "qcow2", 0, true);
        VmSpec.Nic nic0 = new VmSpec.Nic(uuid(), "fa:16:3e:10:00:01", "10.9.0.2", uuid(), "L2NoVlanNetwork", "eth0", null, 1500, 0);
        VmSpec vm = new VmSpec(vmUuid, "e2e", host1.hostUuid(), 1, 64L << 20, "Linux", List.of(rootDisk), List.of(nic0),
                Map.of(VmSpec.CONSOLE_PASSWORD, "pw"), List.of(new VmSpec.Cdrom(0, null, null)));

        backend.startVm(host1, vm);
        assertEquals(VmPowerState.Running, backend.vmStates(host1).get(vmUuid));
        long pid = qemuOf(vmUuid).orElseThrow(() -> new AssertionError("no qemu process")).pid();
        backend.startVm(host1, vm);  // idempotent
        assertEquals(pid, qemuOf(vmUuid).orElseThrow().pid());

        ConsoleEndpoint console = backend.consoleEndpoint(host1, vm);
        assertEquals("10.252.0.11", console.hostname());
        assertTrue(console.port() >= 5900, console.toString());

        backend.stopVm(host1, vm, false);  // the boot sector ignores ACPI: powered off after the 3 s timeout
        assertFalse(backend.vmStates(host1).containsKey(vmUuid), "a stopped VM leaves no domain on its host");
        await("qemu to exit", 10_000, () -> qemuOf(vmUuid).isEmpty());
        backend.startVm(host1, vm);
        pid = qemuOf(vmUuid).orElseThrow().pid();
        backend.stopVm(host1, vm, true);
        assertFalse(backend.vmStates(host1).containsKey(vmUuid), "a stopped VM leaves no domain on its host");
        backend.startVm(host1, vm);
        long before = qemuOf(vmUuid).orElseThrow().pid();
        backend.rebootVm(host1, vm);
        assertEquals(VmPowerState.Running, backend.vmStates(host1).get(vmUuid));
        assertNotEquals(before, qemuOf(vmUuid).orElseThrow().pid(), "a reboot starts a new qemu");

        backend.pauseVm(host1, vm);
        assertEquals(VmPowerState.Paused, backend.vmStates(host1).get(vmUuid));
        backend.resumeVm(host1, vm);
        assertEquals(VmPowerState.Running, backend.vmStates(host1).get(vmUuid));

        VmSpec.Disk dataDisk = new VmSpec.Disk(uuid(), data.toString(), "qcow2", 1, false);
        backend.attachVolume(host1, vm, dataDisk);
        String live = backend.connections().get(host1).domainLookupByName(vmUuid).getXMLDesc(0);
        assertTrue(live.contains(data.toString()) && live.contains("vdb"), live);
        VmSpec.Nic nic1 = new VmSpec.Nic(uuid(), "fa:16:3e:10:00:02", "10.9.0.3", uuid(), "L2NoVlanNetwork", "eth0", null, 1500, 1);
        backend.attachNic(host1, vm, nic1);
        live = backend.connections().get(host1).domainLookupByName(vmUuid).getXMLDesc(0);
        assertTrue(live.contains("fa:16:3e:10:00:02"), live);

        backend.changeCpuMemory(host1, vm, 2, 64L << 20);
        assertEquals(2, backend.connections().get(host1).domainLookupByName(vmUuid).getInfo().nrVirtCpu);
        assertThrows(HypervisorBackend.Unsupported.class, () -> backend.changeCpuMemory(host1, vm, 5, 64L << 20));

        List<VmSpec.Disk> disks = new ArrayList<>(List.of(rootDisk, dataDisk));
        VmSpec moved = new VmSpec(vmUuid, "e2e", host2.hostUuid(), 2, 64L << 20, "Linux", disks, List.of(nic0, nic1),
                vm.properties(), vm.cdroms());
        backend.migrateVm(host1, host2, moved);
        assertEquals(VmPowerState.Running, backend.vmStates(host2).get(vmUuid));
        assertFalse(backend.vmStates(host1).containsKey(vmUuid), "undefined on the source");
        assertTrue(sink.events().stream().noneMatch(e -> "vm".equals(e.kind())), "only Kumo acted so far: " + sink.events());

        ProcessHandle qemu = qemuOf(vmUuid).orElseThrow();
        qemu.destroyForcibly();
        RecordingSink.Event killed = sink.await(e -> vmUuid.equals(e.vmUuid()) && e.state() == VmPowerState.Stopped, 15_000);
        assertNotNull(killed, "events: " + sink.events());
        assertEquals(host2.hostUuid(), killed.hostUuid());

        run(List.of(script.toString(), "restart-libvirtd", "2"), 120);
        RecordingSink.Event lost = sink.await(e -> "host".equals(e.kind()) && host2.hostUuid().equals(e.hostUuid()), 30_000);
        assertNotNull(lost, "events: " + sink.events());
        assertTrue(lost.reason().contains("qemu+tcp://10.252.0.12/system"), lost.reason());
        assertTrue(backend.connect(host2).cpuNum() > 0, "reconnects by itself");
        assertEquals(VmPowerState.Stopped, backend.vmStates(host2).get(vmUuid));

        backend.destroyVm(host2, moved);
        assertFalse(backend.vmStates(host2).containsKey(vmUuid));
        cleanup(base, root, data);
    }

    private static String uuid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static void cleanup(Path... files) throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }
}
