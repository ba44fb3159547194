package io.kumo.api.hypervisor;

import java.util.List;
import java.util.Map;

/**
 * Everything a hypervisor needs to run a VM.
 *
 * @param vmUuid     the VM uuid
 * @param name       the VM name
 * @param hostUuid   the host to run it on
 * @param cpuNum     vCPUs
 * @param memory     memory in bytes
 * @param platform   the guest platform: {@code Linux}, {@code Windows}, {@code Other}...
 * @param disks      its disks, the root volume first
 * @param nics       its NICs, in device order
 * @param properties settings such as {@link #CONSOLE_PASSWORD}, {@link #VIDEO_TYPE} and {@link #BOOT_ORDER}, possibly
 *                   empty
 * @param cdroms     its CD-ROM drives, in device order, each with an ISO or empty
 */
public record VmSpec(String vmUuid, String name, String hostUuid, int cpuNum, long memory, String platform,
                     List<Disk> disks, List<Nic> nics, Map<String, String> properties, List<Cdrom> cdroms) {
    /** Property: the VNC console password, absent for none. Never log it. */
    public static final String CONSOLE_PASSWORD = "consolePassword";
    /** Property: the display adapter, {@code qxl}, {@code cirrus} or {@code vga}; absent for the backend's default. */
    public static final String VIDEO_TYPE = "videoType";
    /** Property: comma-separated boot devices in order, from {@code HardDisk}, {@code CdRom}, {@code Network}. */
    public static final String BOOT_ORDER = "bootOrder";
    /** Disk bus: virtio-blk. */
    public static final String BUS_VIRTIO = "virtio";
    /** Disk bus: virtio-scsi, with a WWN if one is given. */
    public static final String BUS_SCSI = "scsi";

    /** Canonical constructor: copies the lists. */
    public VmSpec {
        disks = disks == null ? List.of() : List.copyOf(disks);
        nics = nics == null ? List.of() : List.copyOf(nics);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        cdroms = cdroms == null ? List.of() : List.copyOf(cdroms);
    }

    /**
     * A VM without CD-ROM drives (the constructor of version 1.0).
     *
     * @param vmUuid     the VM uuid
     * @param name       the VM name
     * @param hostUuid   the host to run it on
     * @param cpuNum     vCPUs
     * @param memory     memory in bytes
     * @param platform   the guest platform
     * @param disks      its disks, the root volume first
     * @param nics       its NICs
     * @param properties its settings
     */
    public VmSpec(String vmUuid, String name, String hostUuid, int cpuNum, long memory, String platform,
                  List<Disk> disks, List<Nic> nics, Map<String, String> properties) {
        this(vmUuid, name, hostUuid, cpuNum, memory, platform, disks, nics, properties, List.of());
    }

    /** Hides the console password. */
    @Override
    public final String toString() {
        return "VmSpec[" + vmUuid + " " + name + " on " + hostUuid + ", " + cpuNum + " vCPU, " + memory + " B, "
                + disks.size() + " disks, " + nics.size() + " NICs, " + cdroms.size() + " CD-ROMs]";
    }

    /**
     * A CD-ROM drive of a VM.
     *
     * @param deviceId    its position among the CD-ROM drives, from 0
     * @param imageUuid   the ISO image in it, or null when empty
     * @param installPath where the host finds the ISO, or null when empty
     */
    public record Cdrom(int deviceId, String imageUuid, String installPath) { }

    /**
     * A disk of a VM.
     *
     * @param volumeUuid  the volume
     * @param installPath where the primary storage put it
     * @param format      {@code qcow2}, {@code raw} or {@code iso}
     * @param deviceId    0 for the root volume
     * @param root        whether it is the root volume
     * @param bus         {@link #BUS_VIRTIO} or {@link #BUS_SCSI}
     * @param wwn         the SCSI world wide name ({@code 0x} and 16 hex digits), or null
     */
    public record Disk(String volumeUuid, String installPath, String format, int deviceId, boolean root, String bus,
                       String wwn) {
        /** Canonical constructor: virtio when no bus is given. */
        public Disk {
            bus = bus == null ? BUS_VIRTIO : bus;
        }

        /**
         * A virtio disk (the constructor of version 1.0).
         *
         * @param volumeUuid  the volume
         * @param installPath where the primary storage put it
         * @param format      {@code qcow2} or {@code raw}
         * @param deviceId    0 for the root volume
         * @param root        whether it is the root volume
         */
        public Disk(String volumeUuid, String installPath, String format, int deviceId, boolean root) {
            this(volumeUuid, installPath, format, deviceId, root, BUS_VIRTIO, null);
        }
    }

    /**
     * A NIC of a VM.
     *
     * @param nicUuid       the NIC
     * @param mac           its MAC address
     * @param ip            its IP address
     * @param l3NetworkUuid its L3 network
     * @param l2Type        the L2 network type, e.g. {@code L2VlanNetwork}
     * @param physicalInterface the host interface of the L2 network
     * @param vlan          the VLAN id or VNI, or null
     * @param mtu           the MTU
     * @param deviceId      its position
     */
    public record Nic(String nicUuid, String mac, String ip, String l3NetworkUuid, String l2Type,
                      String physicalInterface, Integer vlan, int mtu, int deviceId) { }
}
