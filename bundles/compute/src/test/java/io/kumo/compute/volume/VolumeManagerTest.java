package io.kumo.compute.volume;

import io.kumo.api.error.ApiException;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.storage.VolumeInstantiation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backends that leave optional SPI methods to their defaults are refused with SYS.1014 (400). */
class VolumeManagerTest {
    /** A backend of SPI 1.0: no resize, no snapshots. */
    static class OldBackend implements PrimaryStorageBackend {
        @Override public String type() { return "Old"; }
        @Override public AddOperationSpec addOperation() { return null; }
        @Override public StorageCapacity connect(PrimaryStorageInventory s, Map<String, String> p) { return null; }
        @Override public VolumeInstantiation createRootVolume(PrimaryStorageInventory s, HostConnection h, String v, ImageInventory i, String p) { return null; }
        @Override public VolumeInstantiation createDataVolume(PrimaryStorageInventory s, HostConnection h, String v, long size) { return null; }
        @Override public void deleteVolume(PrimaryStorageInventory s, HostConnection h, String p) { }
    }

    /** A newer one that resizes. */
    static class ResizingBackend extends OldBackend {
        @Override
        public VolumeInstantiation resizeVolume(PrimaryStorageInventory s, HostConnection h, String p, long size) {
            return new VolumeInstantiation(p, size, 0, "qcow2");
        }
    }

    @Test
    void aDefaultMethodIsRefusedBeforeAnyJob() {
        ApiException e = assertThrows(ApiException.class,
                () -> VolumeManager.requireImplemented(new OldBackend(), "resizeVolume", "resizing volumes", "Old"));
        assertEquals("SYS.1014", e.error().code());
        assertEquals(400, e.error().httpStatus());
        assertTrue(e.error().details().contains("Old") && e.error().details().contains("resizing volumes"), e.error().details());
        assertDoesNotThrow(() -> VolumeManager.requireImplemented(new ResizingBackend(), "resizeVolume", "resizing volumes", "New"));
        assertThrows(ApiException.class,
                () -> VolumeManager.requireImplemented(new ResizingBackend(), "createSnapshot", "volume snapshots", "New"));
    }

    @Test
    void unsupportedAtRunTimeBecomesSys1014() {
        ApiException e = assertThrows(ApiException.class, () -> VolumeManager.call("Old",
                () -> new OldBackend().resizeVolume(null, null, "p", 1)));
        assertEquals("SYS.1014", e.error().code());
        assertThrows(IllegalStateException.class, () -> VolumeManager.call("Old", () -> {
            throw new IllegalStateException("other failures pass through");
        }));
    }
}
