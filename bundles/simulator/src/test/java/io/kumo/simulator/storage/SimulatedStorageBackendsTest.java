package io.kumo.simulator.storage;

import io.kumo.api.image.ImageInventory;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.ImageDownload;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.storage.VolumeInstantiation;
import io.kumo.simulator.SimulatorException;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.SimulatedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedStorageBackendsTest {
    private static final String PS = "1".repeat(32);
    private static final String BS = "2".repeat(32);
    private static final String VOLUME = "3".repeat(32);
    private static final String IMAGE = "4".repeat(32);

    private final FaultInjector faults = new FaultInjector();
    private final SimulatedStorages primaries = new SimulatedStorages("primary storage");
    private final SimulatedStorages backups = new SimulatedStorages("backup storage");
    private final SimulatorPrimaryStorageBackend primary = new SimulatorPrimaryStorageBackend(primaries, faults);
    private final SimulatorBackupStorageBackend backup = new SimulatorBackupStorageBackend(backups, faults);

    @AfterEach
    void close() {
        faults.close();
    }

    private static PrimaryStorageInventory ps() {
        return new PrimaryStorageInventory(PS, "z".repeat(32), "ps", "/ps", null, SimulatorPrimaryStorageBackend.TYPE,
                "Enabled", "Connected", 0, 0, 0, 0, 0, null, List.of(), null, null);
    }

    private static BackupStorageInventory bs() {
        return new BackupStorageInventory(BS, "bs", "/bs", null, SimulatorBackupStorageBackend.TYPE, "Enabled", "Connected",
                0, 0, List.of(), null, null);
    }

    private static ImageInventory image(String url, String format, long size) {
        return new ImageInventory(IMAGE, "img", null, "Enabled", "Downloading", size, size, null, url, "RootVolumeTemplate",
                null, "zstack", "Linux", format, false, "x86_64", List.of(), null, null);
    }

    @Test
    void capacityComesFromTheProperties() throws Exception {
        assertEquals(new StorageCapacity(1000, 600),
                primary.connect(ps(), Map.of("totalCapacity", "1000", "availableCapacity", "600")));
        assertEquals(new StorageCapacity(500, 500), backup.connect(bs(), Map.of("totalCapacity", "500")));
        assertEquals(new StorageCapacity(10L << 40, 10L << 40), backup.connect(bs(), Map.of()));
        assertThrows(SimulatorException.class,
                () -> primary.connect(ps(), Map.of("totalCapacity", "10", "availableCapacity", "20")));
        assertThrows(SimulatorException.class, () -> primary.connect(ps(), Map.of("totalCapacity", "-1")));
    }

    @Test
    void rootVolumeTakesTheImageSizeAndIsDeletedIdempotently() throws Exception {
        primary.connect(ps(), Map.of("totalCapacity", String.valueOf(10L << 30)));
        VolumeInstantiation v = primary.createRootVolume(ps(), null, VOLUME, image("http://x/a.qcow2", "qcow2", 2L << 30),
                "simulator://" + BS + "/" + IMAGE);
        assertEquals(new VolumeInstantiation("simulator://" + PS + "/" + VOLUME, 2L << 30, 2L << 30, "qcow2"), v);
        assertEquals(8L << 30, primaries.find(PS).orElseThrow().capacity().available());
        assertEquals(v, primary.createRootVolume(ps(), null, VOLUME, image("http://x/a.qcow2", "qcow2", 2L << 30), "p"),
                "a retried create is the same volume");
        assertEquals(8L << 30, primaries.find(PS).orElseThrow().capacity().available());

        primary.deleteVolume(ps(), null, v.installPath());
        primary.deleteVolume(ps(), null, v.installPath());
        assertEquals(10L << 30, primaries.find(PS).orElseThrow().capacity().available());
    }

    @Test
    void volumesNeedTheSpace() throws Exception {
        primary.connect(ps(), Map.of("totalCapacity", "1000"));
        SimulatorException e = assertThrows(SimulatorException.class, () -> primary.createDataVolume(ps(), null, VOLUME, 1001));
        assertTrue(e.getMessage().contains("1000 bytes free"), e.getMessage());
        assertEquals(0, primaries.find(PS).orElseThrow().size(), "nothing left behind");
        VolumeInstantiation v = primary.createDataVolume(ps(), null, VOLUME, 1000);
        assertEquals(1000, v.size());
        assertEquals(0, primaries.find(PS).orElseThrow().capacity().available());
    }

    @Test
    void downloadReportsProgressAndDerivesSizeFormatAndMd5() throws Exception {
        backup.connect(bs(), Map.of());
        List<Integer> progress = new ArrayList<>();
        ImageDownload d = backup.downloadImage(bs(), image("http://x/img.qcow2?size=1073741825", null, 0), progress::add);
        assertEquals(List.of(25, 50, 75, 100), progress);
        assertEquals("simulator://" + BS + "/" + IMAGE, d.installPath());
        assertEquals(1073741825L, d.size());
        assertEquals("qcow2", d.format());
        assertEquals(32, d.md5Sum().length());
        assertEquals(d.md5Sum(), SimulatedImage.at("http://x/img.qcow2?size=1073741825", null).md5Sum());

        assertEquals(new SimulatedImage(SimulatedImage.DEFAULT_SIZE, "iso", SimulatedImage.at("http://x/cd.ISO", null).md5Sum()),
                SimulatedImage.at("http://x/cd.ISO", null));
        assertEquals("raw", SimulatedImage.at("http://x/disk.img", null).format());
        assertEquals("raw", SimulatedImage.at("http://x/disk.qcow2", "raw").format(), "a declared format wins");
        assertThrows(SimulatorException.class, () -> SimulatedImage.at("http://x/a?size=big", null));
        assertThrows(SimulatorException.class, () -> SimulatedImage.at("not a url", null));

        backup.deleteImage(bs(), d.installPath());
        backup.deleteImage(bs(), d.installPath());
        assertFalse(backups.find(BS).orElseThrow().holds(d.installPath()));
    }

    @Test
    void injectedDownloadFailureLeavesNothingBehind() throws Exception {
        faults.configure(BS, SimulatedCall.DOWNLOAD_IMAGE, 0, 1, null);
        List<Integer> progress = new ArrayList<>();
        SimulatorException e = assertThrows(SimulatorException.class,
                () -> backup.downloadImage(bs(), image("http://x/a.qcow2", null, 0), progress::add));
        assertTrue(e.getMessage().startsWith("simulated failure of downloadImage for " + IMAGE + " on backup storage " + BS),
                e.getMessage());
        assertEquals(List.of(25), progress, "it failed part way");
        assertEquals(0, backups.find(BS).map(SimulatedStorage::size).orElse(0), "nothing left behind");
        backup.downloadImage(bs(), image("http://x/a.qcow2", null, 0), p -> { });
        assertEquals(1, backups.find(BS).orElseThrow().size());
    }

    @Test
    void injectedVolumeFailuresApplyPerStorage() throws Exception {
        faults.configure(PS, SimulatedCall.CREATE_DATA_VOLUME, 0, -1, null);
        assertThrows(SimulatorException.class, () -> primary.createDataVolume(ps(), null, VOLUME, 10));
        faults.configure(PS, SimulatedCall.CREATE_DATA_VOLUME, 0, 0, null);
        primary.createDataVolume(ps(), null, VOLUME, 10);
    }

    @Test
    void volumesGrowSnapshotsAreKeptAndHostLocalStorageReportsPerHost() throws Exception {
        primary.connect(ps(), Map.of("totalCapacity", "1000", "availableCapacity", "1000"));
        VolumeInstantiation v = primary.createDataVolume(ps(), null, VOLUME, 100);
        SimulatedStorage storage = primaries.find(PS).orElseThrow();
        assertEquals(200, primary.resizeVolume(ps(), null, v.installPath(), 200).size());
        assertEquals(200L, storage.sizeOf(v.installPath()));
        assertEquals(800, storage.capacity().available());
        assertThrows(SimulatorException.class, () -> primary.resizeVolume(ps(), null, v.installPath(), 150), "shrink");
        assertThrows(SimulatorException.class, () -> primary.resizeVolume(ps(), null, v.installPath(), 5000), "no space");
        assertThrows(SimulatorException.class, () -> primary.resizeVolume(ps(), null, "simulator://x/y", 300), "absent");

        String snap = primary.createSnapshot(ps(), null, v.installPath(), "5".repeat(32)).installPath();
        assertEquals(1, storage.snapshotCount());
        primary.revertSnapshot(ps(), null, v.installPath(), snap);
        assertThrows(SimulatorException.class, () -> primary.revertSnapshot(ps(), null, v.installPath(), snap + "x"));
        assertThrows(SimulatorException.class, () -> primary.createSnapshot(ps(), null, "simulator://x/y", "6".repeat(32)));
        primary.deleteSnapshot(ps(), null, v.installPath(), snap);
        primary.deleteSnapshot(ps(), null, v.installPath(), snap);
        assertEquals(0, storage.snapshotCount());
        primary.createSnapshot(ps(), null, v.installPath(), "7".repeat(32));
        primary.deleteVolume(ps(), null, v.installPath());
        assertEquals(0, storage.snapshotCount(), "a volume's snapshots go with it");

        faults.configure("all", SimulatedCall.RESIZE_VOLUME, 0, 0, null, true);
        faults.configure(PS, SimulatedCall.CREATE_SNAPSHOT, 0, -1, null, true);
        assertThrows(io.kumo.api.hypervisor.HypervisorBackend.Unsupported.class,
                () -> primary.createSnapshot(ps(), null, v.installPath(), "8".repeat(32)));

        io.kumo.api.hypervisor.HostConnection host = new io.kumo.api.hypervisor.HostConnection("h".repeat(32), "c".repeat(32),
                "127.0.0.1", null, null, null, Map.of());
        assertEquals(null, primary.connectHost(ps(), host, Map.of("totalCapacity", "1000")), "shared storage");
        assertEquals(new StorageCapacity(300, 200), primary.connectHost(ps(), host,
                Map.of("totalCapacity", "300", "availableCapacity", "200", SimulatorPrimaryStorageBackend.LOCAL_TO_HOSTS, "true")));
    }
}
