package io.kumo.compute.volume;

import io.kumo.api.hypervisor.VmSpec;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Disks from volumes and their system tags: virtio by default, SCSI with the volume's WWN when tagged. */
class VolumeTagsTest {
    private static VolumeEntity volume(String type, Integer deviceId) {
        VolumeEntity v = new VolumeEntity();
        v.setUuid("v1");
        v.setType(type);
        v.setInstallPath("sim://ps/v1");
        v.setFormat("qcow2");
        v.setDeviceId(deviceId);
        return v;
    }

    @Test
    void wwnsAreHexOfTheRightShapeAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String wwn = VolumeTags.newWwn();
            assertTrue(wwn.matches("0x5[0-9a-f]{15}"), wwn);
            seen.add(wwn);
        }
        assertTrue(seen.size() > 990, "random: " + seen.size());
    }

    @Test
    void aDataVolumeIsVirtioUnlessTaggedForScsi() {
        VmSpec.Disk plain = VolumeTags.disk(volume(VolumeEntity.DATA, 2), List.of("other::tag"));
        assertEquals(VmSpec.BUS_VIRTIO, plain.bus());
        assertNull(plain.wwn());
        assertEquals(2, plain.deviceId());
        assertFalse(plain.root());

        VmSpec.Disk scsi = VolumeTags.disk(volume(VolumeEntity.DATA, 3),
                List.of(VolumeTags.VIRTIO_SCSI, VolumeTags.WWN_PREFIX + "0x5000000000000abc"));
        assertEquals(VmSpec.BUS_SCSI, scsi.bus());
        assertEquals("0x5000000000000abc", scsi.wwn());
        assertEquals("sim://ps/v1", scsi.installPath());

        assertNull(VolumeTags.disk(volume(VolumeEntity.DATA, 1), List.of(VolumeTags.WWN_PREFIX + "0x1")).wwn(),
                "a WWN without the SCSI capability is not used");
        VmSpec.Disk root = VolumeTags.disk(volume(VolumeEntity.ROOT, null), List.of());
        assertTrue(root.root());
        assertEquals(0, root.deviceId());
    }
}
