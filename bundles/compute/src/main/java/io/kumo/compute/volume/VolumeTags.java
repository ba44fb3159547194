package io.kumo.compute.volume;

import io.kumo.api.hypervisor.VmSpec;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The system tags of volumes that shape their disk on a VM, by ZStack's names: {@code capability::virtio-scsi} puts a
 * volume on the SCSI bus, and {@code kvm::volume::<wwn>} records its world wide name.
 */
public final class VolumeTags {
    /** The system tag asking for the virtio-scsi bus. */
    public static final String VIRTIO_SCSI = "capability::virtio-scsi";
    /** The prefix of the system tag holding a SCSI volume's WWN. */
    public static final String WWN_PREFIX = "kvm::volume::";

    private VolumeTags() { }

    /** @return a new WWN: {@code 0x} and 16 hex digits, NAA 5 */
    public static String newWwn() {
        long bits = ThreadLocalRandom.current().nextLong() & 0x0fffffffffffffffL | 0x5000000000000000L;
        return String.format("0x%016x", bits);
    }

    /** @param tags a volume's system tag texts @return its WWN, or null */
    public static String wwn(List<String> tags) {
        return tags.stream().filter(t -> t.startsWith(WWN_PREFIX)).map(t -> t.substring(WWN_PREFIX.length()))
                .findFirst().orElse(null);
    }

    /**
     * @param v    a volume on storage
     * @param tags its system tag texts
     * @return its disk on a VM: virtio, or SCSI with its WWN when tagged {@link #VIRTIO_SCSI}
     */
    public static VmSpec.Disk disk(VolumeEntity v, List<String> tags) {
        boolean root = VolumeEntity.ROOT.equals(v.getType());
        boolean scsi = tags.contains(VIRTIO_SCSI);
        return new VmSpec.Disk(v.getUuid(), v.getInstallPath(), v.getFormat(), v.getDeviceId() == null ? 0 : v.getDeviceId(),
                root, scsi ? VmSpec.BUS_SCSI : VmSpec.BUS_VIRTIO, scsi ? wwn(tags) : null);
    }
}
