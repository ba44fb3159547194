package io.kumo.kvm.host;

import io.kumo.api.hypervisor.HostConnection;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host properties and libvirt URIs. */
class KvmHostSettingsTest {
    private static HostConnection host(String ip, String user, Map<String, String> props) {
        return new HostConnection("h", "c", ip, null, user, "pw", props);
    }

    @Test
    void defaultUriIsSsh() throws Exception {
        assertEquals("qemu+ssh://root@10.0.0.5:22/system?no_tty=1", KvmHostSettings.uri(host("10.0.0.5", "root", Map.of())));
        assertEquals("qemu+ssh://admin@10.0.0.5:2222/system?no_tty=1",
                KvmHostSettings.uri(host("10.0.0.5", "admin", Map.of("sshPort", "2222"))));
        assertEquals("qemu+ssh://root@[fd00::5]:22/system?no_tty=1", KvmHostSettings.uri(host("fd00::5", "root", Map.of())));
    }

    @Test
    void givenUriIsValidated() throws Exception {
        for (String ok : new String[] {"qemu:///system", "qemu+tcp://10.0.0.5/system", "qemu+tls://h:16514/system",
                "qemu+ssh://root@h/system", "test:///default", "test+tcp://127.0.0.1/default"}) {
            assertEquals(ok, KvmHostSettings.uri(host("10.0.0.5", "root", Map.of("libvirtUri", ok))));
        }
        for (String bad : new String[] {"xen:///system", "http://h/", "qemu+unix:///system", "qemu+tcp://h /system"}) {
            KvmException e = assertThrows(KvmException.class,
                    () -> KvmHostSettings.uri(host("10.0.0.5", "root", Map.of("libvirtUri", bad))), bad);
            assertTrue(e.getMessage().contains("qemu+ssh"), e.getMessage());
        }
    }

    @Test
    void properties() throws Exception {
        KvmHostSettings s = KvmHostSettings.of(host("10.0.0.5", "root", Map.of("kvm.domainType", "auto", "kvm.maxVcpus", "8",
                "kvm.maxMemory", "4294967296", "kvm.stopTimeoutSeconds", "5", "kvm.migrateUnsafe", "false", "kvm.machine", "q35")));
        assertTrue(s.autoDomainType());
        assertEquals(8, s.domain().maxVcpus());
        assertEquals(4L << 30, s.domain().maxMemory());
        assertEquals(5, s.stopTimeout().toSeconds());
        assertFalse(s.migrateUnsafe());
        assertTrue(s.domain().sataCdroms());
        KvmHostSettings d = KvmHostSettings.of(host("10.0.0.5", "root", Map.of()));
        assertEquals("qemu", d.domain().domainType());
        assertEquals(60, d.stopTimeout().toSeconds());
        assertTrue(d.migrateUnsafe());
        assertThrows(KvmException.class, () -> KvmHostSettings.of(host("h", "r", Map.of("kvm.domainType", "xen"))));
        assertThrows(KvmException.class, () -> KvmHostSettings.of(host("h", "r", Map.of("kvm.maxVcpus", "lots"))));
    }

    @Test
    void localUris() {
        assertTrue(KvmHostSettings.isLocal("qemu:///system"));
        assertTrue(KvmHostSettings.isLocal("test:///default"));
        assertTrue(KvmHostSettings.isLocal("qemu+tcp://127.0.0.1/system"));
        assertFalse(KvmHostSettings.isLocal("qemu+tcp://10.0.0.5/system"));
    }
}
