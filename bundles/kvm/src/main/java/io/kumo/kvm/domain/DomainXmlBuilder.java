package io.kumo.kvm.domain;

import io.kumo.api.hypervisor.VmSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds libvirt domain XML from a {@link VmSpec}: a pure function of the spec and the host's {@link DomainOptions}.
 * <p>
 * Choices: the domain is named by the VM uuid (title and description carry the VM name); {@code <vcpu>} is the
 * maximum with {@code current} the VM's vCPUs, {@code <memory>} the maximum with {@code <currentMemory>} the VM's
 * memory, so CPUs can be onlined and the balloon moved up to those maximums while it runs; boot devices follow
 * {@link VmSpec#BOOT_ORDER}; disks are files on virtio-blk ({@code vda, vdb...}) or virtio-scsi ({@code sda...}, with
 * the WWN); CD-ROMs are on IDE ({@code hda...}, SATA {@code sdx, sdw...} on q35) and empty without an ISO; NICs are
 * bridged virtio on the bridge {@link BridgeNames} derives; VNC with autoport and the console password; a qemu guest
 * agent channel, a serial console and a virtio balloon.
 * <p>
 * The XML holds the console password: never log it.
 */
public final class DomainXmlBuilder {
    /** The guest agent channel name. */
    public static final String GUEST_AGENT_CHANNEL = "org.qemu.guest_agent.0";
    /** The video model when the VM has none. */
    public static final String DEFAULT_VIDEO = "cirrus";
    private static final Set<String> VIDEO_MODELS = Set.of("qxl", "cirrus", "vga");

    private DomainXmlBuilder() { }

    /**
     * @param vm      the VM
     * @param options the host's choices
     * @return the domain XML to define
     * @throws IllegalArgumentException if the spec cannot be rendered (e.g. an unknown video type or boot device)
     */
    public static String domain(VmSpec vm, DomainOptions options) {
        Document doc = newDocument();
        Element domain = doc.createElement("domain");
        doc.appendChild(domain);
        domain.setAttribute("type", options.domainType());
        text(domain, "name", vm.vmUuid());
        text(domain, "uuid", libvirtUuid(vm.vmUuid()));
        text(domain, "title", vm.name() == null ? vm.vmUuid() : vm.name());
        text(domain, "description", vm.name() == null ? vm.vmUuid() : vm.name());

        long memoryKiB = kib(vm.memory());
        long maxKiB = Math.max(memoryKiB, kib(options.maxMemory()));
        text(domain, "memory", Long.toString(maxKiB)).setAttribute("unit", "KiB");
        text(domain, "currentMemory", Long.toString(memoryKiB)).setAttribute("unit", "KiB");
        int maxVcpus = Math.max(vm.cpuNum(), options.maxVcpus());
        Element vcpu = text(domain, "vcpu", Integer.toString(maxVcpus));
        vcpu.setAttribute("placement", "static");
        if (vm.cpuNum() < maxVcpus) {
            vcpu.setAttribute("current", Integer.toString(vm.cpuNum()));
        }

        Element os = child(domain, "os");
        Element type = text(os, "type", "hvm");
        type.setAttribute("arch", options.arch());
        if (options.machine() != null) {
            type.setAttribute("machine", options.machine());
        }
        for (String dev : bootDevices(vm)) {
            child(os, "boot").setAttribute("dev", dev);
        }
        Element features = child(domain, "features");
        child(features, "acpi");
        child(features, "apic");
        child(domain, "clock").setAttribute("offset", "Windows".equalsIgnoreCase(vm.platform()) ? "localtime" : "utc");
        text(domain, "on_poweroff", "destroy");
        text(domain, "on_reboot", "restart");
        text(domain, "on_crash", "destroy");

        Element devices = child(domain, "devices");
        boolean scsi = false;
        for (VmSpec.Disk d : vm.disks()) {
            devices.appendChild(diskElement(doc, d));
            scsi |= VmSpec.BUS_SCSI.equals(d.bus());
        }
        if (scsi) {
            Element controller = child(devices, "controller");
            controller.setAttribute("type", "scsi");
            controller.setAttribute("index", "0");
            controller.setAttribute("model", "virtio-scsi");
        }
        for (VmSpec.Cdrom c : vm.cdroms()) {
            devices.appendChild(cdromElement(doc, c, options));
        }
        for (VmSpec.Nic n : vm.nics()) {
            devices.appendChild(nicElement(doc, n));
        }
        Element graphics = child(devices, "graphics");
        graphics.setAttribute("type", "vnc");
        graphics.setAttribute("port", "-1");
        graphics.setAttribute("autoport", "yes");
        graphics.setAttribute("listen", options.vncListen());
        String password = vm.properties().get(VmSpec.CONSOLE_PASSWORD);
        if (password != null && !password.isEmpty()) {
            graphics.setAttribute("passwd", password);
        }
        Element listen = child(graphics, "listen");
        listen.setAttribute("type", "address");
        listen.setAttribute("address", options.vncListen());
        Element video = child(child(devices, "video"), "model");
        video.setAttribute("type", videoModel(vm));
        Element channel = child(devices, "channel");
        channel.setAttribute("type", "unix");
        Element channelTarget = child(channel, "target");
        channelTarget.setAttribute("type", "virtio");
        channelTarget.setAttribute("name", GUEST_AGENT_CHANNEL);
        Element serial = child(devices, "serial");
        serial.setAttribute("type", "pty");
        child(serial, "target").setAttribute("port", "0");
        Element console = child(devices, "console");
        console.setAttribute("type", "pty");
        Element consoleTarget = child(console, "target");
        consoleTarget.setAttribute("type", "serial");
        consoleTarget.setAttribute("port", "0");
        child(devices, "memballoon").setAttribute("model", "virtio");
        return serialize(doc);
    }

    /**
     * @param vmUuid a VM uuid (32 hex digits in Kumo)
     * @return the domain uuid: the same digits with dashes, or a name-based uuid for other forms
     */
    public static String libvirtUuid(String vmUuid) {
        if (vmUuid.matches("[0-9a-fA-F]{32}")) {
            String u = vmUuid.toLowerCase(Locale.ROOT);
            return u.substring(0, 8) + "-" + u.substring(8, 12) + "-" + u.substring(12, 16) + "-" + u.substring(16, 20)
                    + "-" + u.substring(20);
        }
        return java.util.UUID.nameUUIDFromBytes(vmUuid.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** @param disk a disk @return its {@code <disk>} device XML, for hot-plugging */
    public static String disk(VmSpec.Disk disk) {
        Document doc = newDocument();
        doc.appendChild(diskElement(doc, disk));
        return serialize(doc);
    }

    /** @param nic a NIC @return its {@code <interface>} device XML, for hot-plugging */
    public static String nic(VmSpec.Nic nic) {
        Document doc = newDocument();
        doc.appendChild(nicElement(doc, nic));
        return serialize(doc);
    }

    /** @param cdrom a CD-ROM drive @param options the host's choices @return its {@code <disk device='cdrom'>} XML */
    public static String cdrom(VmSpec.Cdrom cdrom, DomainOptions options) {
        Document doc = newDocument();
        doc.appendChild(cdromElement(doc, cdrom, options));
        return serialize(doc);
    }

    /** @param disk a disk @return its target device name: {@code vda...} on virtio, {@code sda...} on SCSI */
    public static String diskTarget(VmSpec.Disk disk) {
        return (VmSpec.BUS_SCSI.equals(disk.bus()) ? "sd" : "vd") + letters(disk.deviceId());
    }

    /** @param cdrom a drive @param options the host's choices @return its target: {@code hda...}, or {@code sdx, sdw...} on SATA */
    public static String cdromTarget(VmSpec.Cdrom cdrom, DomainOptions options) {
        return options.sataCdroms() ? "sd" + letters(23 - cdrom.deviceId()) : "hd" + letters(cdrom.deviceId());
    }

    /** @param index 0, 1, ... @return {@code a, b, ..., z, aa, ab, ...} as libvirt names disks */
    static String letters(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("device id must be >= 0, not " + index);
        }
        StringBuilder s = new StringBuilder();
        int i = index;
        do {
            s.insert(0, (char) ('a' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return s.toString();
    }

    private static List<String> bootDevices(VmSpec vm) {
        String order = vm.properties().get(VmSpec.BOOT_ORDER);
        if (order == null || order.isBlank()) {
            return List.of("hd");
        }
        Set<String> devs = new LinkedHashSet<>();
        for (String item : order.split(",")) {
            String dev = switch (item.trim()) {
                case "HardDisk" -> "hd";
                case "CdRom" -> "cdrom";
                case "Network" -> "network";
                case "" -> null;
                default -> throw new IllegalArgumentException("boot device " + item.trim()
                        + " is unknown; use HardDisk, CdRom or Network");
            };
            if (dev != null) {
                devs.add(dev);
            }
        }
        return devs.isEmpty() ? List.of("hd") : new ArrayList<>(devs);
    }

    private static String videoModel(VmSpec vm) {
        String v = vm.properties().get(VmSpec.VIDEO_TYPE);
        if (v == null || v.isBlank()) {
            return DEFAULT_VIDEO;
        }
        String model = v.trim().toLowerCase(Locale.ROOT);
        if (!VIDEO_MODELS.contains(model)) {
            throw new IllegalArgumentException("video type " + v + " is unknown; use qxl, cirrus or vga");
        }
        return model;
    }

    private static Element diskElement(Document doc, VmSpec.Disk d) {
        if (d.installPath() == null || d.installPath().isBlank()) {
            throw new IllegalArgumentException("volume " + d.volumeUuid() + " has no install path; instantiate it first");
        }
        Element disk = doc.createElement("disk");
        disk.setAttribute("type", "file");
        disk.setAttribute("device", "disk");
        Element driver = child(disk, "driver");
        driver.setAttribute("name", "qemu");
        driver.setAttribute("type", "qcow2".equalsIgnoreCase(d.format()) ? "qcow2" : "raw");
        child(disk, "source").setAttribute("file", d.installPath());
        Element target = child(disk, "target");
        target.setAttribute("dev", diskTarget(d));
        boolean scsi = VmSpec.BUS_SCSI.equals(d.bus());
        target.setAttribute("bus", scsi ? "scsi" : "virtio");
        if (scsi) {
            if (d.volumeUuid() != null) {
                text(disk, "serial", d.volumeUuid());
            }
            if (d.wwn() != null && !d.wwn().isBlank()) {
                String wwn = d.wwn().trim().toLowerCase(Locale.ROOT);
                text(disk, "wwn", wwn.startsWith("0x") ? wwn.substring(2) : wwn);
            }
        }
        return disk;
    }

    private static Element cdromElement(Document doc, VmSpec.Cdrom c, DomainOptions options) {
        Element disk = doc.createElement("disk");
        disk.setAttribute("type", "file");
        disk.setAttribute("device", "cdrom");
        Element driver = child(disk, "driver");
        driver.setAttribute("name", "qemu");
        driver.setAttribute("type", "raw");
        if (c.installPath() != null && !c.installPath().isBlank()) {
            child(disk, "source").setAttribute("file", c.installPath());
        }
        Element target = child(disk, "target");
        target.setAttribute("dev", cdromTarget(c, options));
        target.setAttribute("bus", options.sataCdroms() ? "sata" : "ide");
        child(disk, "readonly");
        return disk;
    }

    private static Element nicElement(Document doc, VmSpec.Nic n) {
        Element nic = doc.createElement("interface");
        nic.setAttribute("type", "bridge");
        child(nic, "mac").setAttribute("address", n.mac());
        child(nic, "source").setAttribute("bridge", BridgeNames.of(n));
        child(nic, "model").setAttribute("type", "virtio");
        if (n.mtu() > 0) {
            child(nic, "mtu").setAttribute("size", Integer.toString(n.mtu()));
        }
        return nic;
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static Element text(Element parent, String name, String value) {
        Element e = child(parent, name);
        e.setTextContent(value);
        return e;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }

    private static String serialize(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write domain XML", e);
        }
    }
}
