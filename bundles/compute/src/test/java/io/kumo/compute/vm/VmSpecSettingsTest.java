package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmPowerState;
import io.kumo.api.hypervisor.VmSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VmSpecSettingsTest {
    @Test
    void settingsAndTagsBecomeProperties() {
        Map<String, String> p = VmSpecSettings.properties(Map.of(VmSettings.BOOT_ORDER, "CdRom,HardDisk",
                VmSettings.CONSOLE_PASSWORD, "s3cret", VmSettings.ISO, "iso1"), List.of("videoType::qxl", "hostTag::x", "videoType::bogus"));
        assertEquals(Map.of(VmSpec.BOOT_ORDER, "CdRom,HardDisk", VmSpec.CONSOLE_PASSWORD, "s3cret", VmSpec.VIDEO_TYPE, "qxl"), p);
        assertEquals(Map.of(), VmSpecSettings.properties(Map.of(), List.of()));
    }

    @Test
    void oneCdromDriveEmptyOrHoldingTheIso() {
        assertEquals(List.of(new VmSpec.Cdrom(0, null, null)), VmSpecSettings.cdroms(Map.of()));
        assertEquals(List.of(new VmSpec.Cdrom(0, "iso1", "cache/iso1")),
                VmSpecSettings.cdroms(Map.of(VmSettings.ISO, "iso1", VmSettings.ISO_PATH, "cache/iso1")));
    }

    @Test
    void bootOrderIsValidated() {
        assertEquals("CdRom,HardDisk,Network", VmSpecSettings.bootOrder(List.of("CdRom", "HardDisk", "Network")));
        assertThrows(ApiException.class, () -> VmSpecSettings.bootOrder(List.of()));
        assertThrows(ApiException.class, () -> VmSpecSettings.bootOrder(List.of("Floppy")));
        assertThrows(ApiException.class, () -> VmSpecSettings.bootOrder(List.of("CdRom", "CdRom")));
    }

    @Test
    void unsupportedBecomesSys1014() {
        ApiException e = assertThrows(ApiException.class, () -> VmSpecSettings.backend("hot-plugging a NIC", () -> {
            throw new HypervisorBackend.Unsupported("attaching a NIC to a running VM");
        }));
        assertEquals("SYS.1014", e.error().code());
        assertEquals(400, e.error().httpStatus());
    }

    @Test
    void reportedPowerStatesMapToVmStates() {
        assertEquals(VmStates.RUNNING, VmEventSink.stateOf(VmPowerState.Running));
        assertEquals(VmStates.PAUSED, VmEventSink.stateOf(VmPowerState.Paused));
        assertEquals(VmStates.STOPPED, VmEventSink.stateOf(VmPowerState.Stopped));
        assertEquals(VmStates.STOPPED, VmEventSink.stateOf(VmPowerState.Absent));
        assertFalse(VmEventSink.SETTLED.contains(VmStates.STARTING), "a job in flight wins");
    }
}
