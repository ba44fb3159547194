package io.kumo.kvm.domain;

import io.kumo.api.hypervisor.VmSpec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The domain XML, checked with XPath. */
class DomainXmlBuilderTest {
    private static final String VM = "0123456789abcdef0123456789abcdef";

    private static VmSpec spec(Map<String, String> props, List<VmSpec.Disk> disks, List<VmSpec.Nic> nics,
                               List<VmSpec.Cdrom> cdroms) {
        return new VmSpec(VM, "web <1>", "h", 2, 1L << 30, "Linux", disks, nics, props, cdroms);
    }

    private static VmSpec typical() {
        return spec(Map.of(VmSpec.CONSOLE_PASSWORD, "s3cret", VmSpec.BOOT_ORDER, "CdRom,HardDisk", VmSpec.VIDEO_TYPE, "qxl"),
                List.of(new VmSpec.Disk("root", "/ps/root.qcow2", "qcow2", 0, true),
                        new VmSpec.Disk("data", "/ps/data.raw", "raw", 1, false),
                        new VmSpec.Disk("lun", "/ps/lun.qcow2", "qcow2", 2, false, VmSpec.BUS_SCSI, "0x5000c50015ea71ad")),
                List.of(new VmSpec.Nic("n0", "fa:16:3e:00:00:01", "10.0.0.2", "l3", "L2NoVlanNetwork", "eth0", null, 1450, 0),
                        new VmSpec.Nic("n1", "fa:16:3e:00:00:02", "10.0.1.2", "l3b", "L2VlanNetwork", "eth1", 100, 1500, 1),
                        new VmSpec.Nic("n2", "fa:16:3e:00:00:03", "10.0.2.2", "l3c", "VxlanNetwork", null, 5000, 1450, 2)),
                List.of(new VmSpec.Cdrom(0, "iso", "/bs/a.iso"), new VmSpec.Cdrom(1, null, null)));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String x(Document d, String expr) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(expr, d, XPathConstants.STRING);
    }

    private static double n(Document d, String expr) throws Exception {
        return (Double) XPathFactory.newInstance().newXPath().evaluate(expr, d, XPathConstants.NUMBER);
    }

    @Test
    void identityCpuAndMemory() throws Exception {
        Document d = parse(DomainXmlBuilder.domain(typical(), DomainOptions.DEFAULTS));
        assertEquals("qemu", x(d, "/domain/@type"));
        assertEquals(VM, x(d, "/domain/name"));
        assertEquals("01234567-89ab-cdef-0123-456789abcdef", x(d, "/domain/uuid"));
        assertEquals("web <1>", x(d, "/domain/title"));
        assertEquals("web <1>", x(d, "/domain/description"));
        assertEquals("16", x(d, "/domain/vcpu"));
        assertEquals("2", x(d, "/domain/vcpu/@current"));
        assertEquals(String.valueOf(1L << 20), x(d, "/domain/memory"));
        assertEquals(String.valueOf(1L << 20), x(d, "/domain/currentMemory"));
        assertEquals("KiB", x(d, "/domain/memory/@unit"));
        assertEquals("hvm", x(d, "/domain/os/type"));
        assertEquals("x86_64", x(d, "/domain/os/type/@arch"));
        assertEquals(1, n(d, "count(/domain/features/acpi)"));
        assertEquals(1, n(d, "count(/domain/features/apic)"));
    }

    @Test
    void roomForLiveChangeFromTheHostOptions() throws Exception {
        DomainOptions o = new DomainOptions("kvm", "aarch64", "virt", 4, 4L << 30, "10.0.0.1");
        Document d = parse(DomainXmlBuilder.domain(typical(), o));
        assertEquals("kvm", x(d, "/domain/@type"));
        assertEquals("4", x(d, "/domain/vcpu"));
        assertEquals("2", x(d, "/domain/vcpu/@current"));
        assertEquals(String.valueOf(4L << 20), x(d, "/domain/memory"));
        assertEquals(String.valueOf(1L << 20), x(d, "/domain/currentMemory"));
        assertEquals("virt", x(d, "/domain/os/type/@machine"));
        assertEquals("aarch64", x(d, "/domain/os/type/@arch"));
        assertEquals("10.0.0.1", x(d, "/domain/devices/graphics/@listen"));
        VmSpec big = new VmSpec(VM, "big", "h", 8, 1L << 30, "Linux", List.of(), List.of(), Map.of());
        Document b = parse(DomainXmlBuilder.domain(big, o));
        assertEquals("8", x(b, "/domain/vcpu"));
        assertEquals("", x(b, "/domain/vcpu/@current"), "no current when the VM uses the maximum");
    }

    @Test
    void bootOrder() throws Exception {
        Document d = parse(DomainXmlBuilder.domain(typical(), DomainOptions.DEFAULTS));
        assertEquals("cdrom", x(d, "/domain/os/boot[1]/@dev"));
        assertEquals("hd", x(d, "/domain/os/boot[2]/@dev"));
        assertEquals(2, n(d, "count(/domain/os/boot)"));
        Document def = parse(DomainXmlBuilder.domain(spec(Map.of(), List.of(), List.of(), List.of()), DomainOptions.DEFAULTS));
        assertEquals("hd", x(def, "/domain/os/boot/@dev"));
        Document net = parse(DomainXmlBuilder.domain(spec(Map.of(VmSpec.BOOT_ORDER, "Network"), List.of(), List.of(), List.of()),
                DomainOptions.DEFAULTS));
        assertEquals("network", x(net, "/domain/os/boot/@dev"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainXmlBuilder.domain(
                spec(Map.of(VmSpec.BOOT_ORDER, "Floppy"), List.of(), List.of(), List.of()), DomainOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("HardDisk, CdRom or Network"));
    }

    @Test
    void disks() throws Exception {
        Document d = parse(DomainXmlBuilder.domain(typical(), DomainOptions.DEFAULTS));
        String root = "/domain/devices/disk[@device='disk'][source/@file='/ps/root.qcow2']";
        assertEquals("file", x(d, root + "/@type"));
        assertEquals("qcow2", x(d, root + "/driver/@type"));
        assertEquals("vda", x(d, root + "/target/@dev"));
        assertEquals("virtio", x(d, root + "/target/@bus"));
        String data = "/domain/devices/disk[source/@file='/ps/data.raw']";
        assertEquals("raw", x(d, data + "/driver/@type"));
        assertEquals("vdb", x(d, data + "/target/@dev"));
        String lun = "/domain/devices/disk[source/@file='/ps/lun.qcow2']";
        assertEquals("sdc", x(d, lun + "/target/@dev"));
        assertEquals("scsi", x(d, lun + "/target/@bus"));
        assertEquals("5000c50015ea71ad", x(d, lun + "/wwn"));
        assertEquals("virtio-scsi", x(d, "/domain/devices/controller[@type='scsi']/@model"));
        Document noScsi = parse(DomainXmlBuilder.domain(spec(Map.of(),
                List.of(new VmSpec.Disk("root", "/r", "qcow2", 0, true)), List.of(), List.of()), DomainOptions.DEFAULTS));
        assertEquals(0, n(noScsi, "count(/domain/devices/controller[@type='scsi'])"));
        Document hot = parse(DomainXmlBuilder.disk(new VmSpec.Disk("v", "/ps/v.qcow2", "qcow2", 3, false)));
        assertEquals("vdd", x(hot, "/disk/target/@dev"));
        assertEquals("/ps/v.qcow2", x(hot, "/disk/source/@file"));
    }

    @Test
    void cdroms() throws Exception {
        Document d = parse(DomainXmlBuilder.domain(typical(), DomainOptions.DEFAULTS));
        assertEquals(2, n(d, "count(/domain/devices/disk[@device='cdrom'])"));
        assertEquals("/bs/a.iso", x(d, "/domain/devices/disk[@device='cdrom'][target/@dev='hda']/source/@file"));
        assertEquals("ide", x(d, "/domain/devices/disk[@device='cdrom'][1]/target/@bus"));
        assertEquals(0, n(d, "count(/domain/devices/disk[@device='cdrom'][target/@dev='hdb']/source)"), "empty drive");
        assertEquals(2, n(d, "count(/domain/devices/disk[@device='cdrom']/readonly)"));
        DomainOptions q35 = new DomainOptions("qemu", "x86_64", "q35", 16, 0, null);
        Document s = parse(DomainXmlBuilder.domain(typical(), q35));
        assertEquals("sata", x(s, "/domain/devices/disk[@device='cdrom'][1]/target/@bus"));
        assertEquals("sdx", x(s, "/domain/devices/disk[@device='cdrom'][1]/target/@dev"));
    }

    @Test
    void nicsOnDerivedBridges() throws Exception {
        Document d = parse(DomainXmlBuilder.domain(typical(), DomainOptions.DEFAULTS));
        String n0 = "/domain/devices/interface[mac/@address='fa:16:3e:00:00:01']";
        assertEquals("bridge", x(d, n0 + "/@type"));
        assertEquals("br_eth0", x(d, n0 + "/source/@bridge"));
        assertEquals("virtio", x(d, n0 + "/model/@type"));
        assertEquals("1450", x(d, n0 + "/mtu/@size"));
        assertEquals("br_eth1_100", x(d, "/domain/devices/interface[mac/@address='fa:16:3e:00:00:02']/source/@bridge"));
        assertEquals("br_vx_5000", x(d, "/domain/devices/interface[mac/@address='fa:16:3e:00:00:03']/source/@bridge"));
    }

    @Test
    void bridgeNamingRules() {
        assertEquals("br_eth0_10", BridgeNames.of(nic("L2NoVlanNetwork", "eth0.10", null)));
        assertEquals("br_bond_0", BridgeNames.of(nic("L2NoVlanNetwork", "bond-0", null)));
        assertThrows(IllegalArgumentException.class, () -> BridgeNames.of(nic("L2VlanNetwork", "enp0s31f6", 4094)),
                "br_enp0s31f6_4094 is 17 characters");
        assertThrows(IllegalArgumentException.class, () -> BridgeNames.of(nic("L2VlanNetwork", "eth0", null)));
        assertThrows(IllegalArgumentException.class, () -> BridgeNames.of(nic("L2NoVlanNetwork", null, null)));
        assertThrows(IllegalArgumentException.class, () -> BridgeNames.of(nic("VxlanNetwork", null, null)));
        assertThrows(IllegalArgumentException.class, () -> BridgeNames.of(nic("Geneve", "eth0", 1)));
    }

    private static VmSpec.Nic nic(String type, String iface, Integer vlan) {
        return new VmSpec.Nic("n", "fa:16:3e:00:00:09", null, "l3", type, iface, vlan, 1500, 0);
    }

    @Test
    void consoleVideoAgentSerialBalloon() throws Exception {
        Document d = parse(DomainXmlBuilder.domain(typical(), DomainOptions.DEFAULTS));
        assertEquals("vnc", x(d, "/domain/devices/graphics/@type"));
        assertEquals("yes", x(d, "/domain/devices/graphics/@autoport"));
        assertEquals("127.0.0.1", x(d, "/domain/devices/graphics/listen/@address"));
        assertEquals("s3cret", x(d, "/domain/devices/graphics/@passwd"));
        assertEquals("qxl", x(d, "/domain/devices/video/model/@type"));
        assertEquals(DomainXmlBuilder.GUEST_AGENT_CHANNEL,
                x(d, "/domain/devices/channel[@type='unix']/target[@type='virtio']/@name"));
        assertEquals("pty", x(d, "/domain/devices/serial/@type"));
        assertEquals("serial", x(d, "/domain/devices/console/target/@type"));
        assertEquals("virtio", x(d, "/domain/devices/memballoon/@model"));
        Document plain = parse(DomainXmlBuilder.domain(spec(Map.of(), List.of(), List.of(), List.of()), DomainOptions.DEFAULTS));
        assertEquals("cirrus", x(plain, "/domain/devices/video/model/@type"));
        assertFalse(DomainXmlBuilder.domain(spec(Map.of(), List.of(), List.of(), List.of()), DomainOptions.DEFAULTS)
                .contains("passwd"), "no password attribute without a console password");
        assertThrows(IllegalArgumentException.class, () -> DomainXmlBuilder.domain(
                spec(Map.of(VmSpec.VIDEO_TYPE, "virgl"), List.of(), List.of(), List.of()), DomainOptions.DEFAULTS));
    }

    @Test
    void windowsClockAndLetters() throws Exception {
        VmSpec win = new VmSpec(VM, "w", "h", 1, 1L << 30, "Windows", List.of(), List.of(), Map.of());
        assertEquals("localtime", x(parse(DomainXmlBuilder.domain(win, DomainOptions.DEFAULTS)), "/domain/clock/@offset"));
        assertEquals("a", DomainXmlBuilder.letters(0));
        assertEquals("z", DomainXmlBuilder.letters(25));
        assertEquals("aa", DomainXmlBuilder.letters(26));
        assertEquals("ab", DomainXmlBuilder.letters(27));
    }
}
