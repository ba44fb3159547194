package io.kumo.storage.local;

import com.sun.net.httpserver.HttpServer;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.SnapshotInstantiation;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.storage.VolumeInstantiation;
import io.kumo.storage.qemuimg.CommandRunner;
import io.kumo.storage.qemuimg.ImageExporter;
import io.kumo.storage.qemuimg.ImageInfo;
import io.kumo.storage.qemuimg.LocalCommandRunner;
import io.kumo.storage.qemuimg.QemuImg;
import io.kumo.storage.qemuimg.StorageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Local storage on a temporary directory with real qemu-img; the ssh mode with the "host" run locally. */
class LocalStorageBackendTest {
    private static final long MIB = 1L << 20;
    private static final String IMAGE_UUID = "1".repeat(32);
    @TempDir Path tmp;
    private final QemuImg qemu = new QemuImg(new LocalCommandRunner());
    private final HostConnection host = new HostConnection("h".repeat(32), "c".repeat(32), "127.0.0.1", null, "root",
            "secret", Map.of("sshPort", "22"));
    private final List<String> sshHosts = new CopyOnWriteArrayList<>();
    private final List<ImageExporter> exporters = new CopyOnWriteArrayList<>();
    private LocalStorageBackend backend;
    private Path image;

    @BeforeEach
    void setUp() throws Exception {
        image = tmp.resolve("bs/images/" + IMAGE_UUID + ".qcow2");
        Files.createDirectories(image.getParent());
        qemu.create(image.toString(), "qcow2", 32 * MIB);
        qemuIo(image, "write -P 0x11 0 64k");
        backend = new LocalStorageBackend(h -> {
            sshHosts.add(h.managementIp());
            return new LocalCommandRunner("host " + h.managementIp());
        }, () -> exporters, () -> null);
    }

    private static void qemuIo(Path file, String command) throws StorageException {
        new LocalCommandRunner().check(List.of("qemu-io", "-f", "qcow2", "-c", command, file.toString()));
    }

    private static boolean holds(Path file, String pattern) throws StorageException {
        var r = new LocalCommandRunner().run(List.of("qemu-io", "-f", "qcow2", "-c", "read -P " + pattern + " 0 64k",
                file.toString()), null, CommandRunner.DEFAULT_TIMEOUT);
        return r.ok() && !r.stdout().contains("Pattern verification failed");
    }

    private PrimaryStorageInventory storage(String dir) {
        return new PrimaryStorageInventory("p".repeat(32), "z".repeat(32), "ps", dir, null, LocalStorageBackend.TYPE,
                "Enabled", "Connected", 0, 0, 0, 0, 0, null, List.of("c".repeat(32)), null, null);
    }

    private static ImageInventory image(String format) {
        return new ImageInventory(IMAGE_UUID, "img", null, "Enabled", "Ready", 32 * MIB, 0, null, "http://x/img",
                "RootVolumeTemplate", null, "zstack", "Linux", format, false, "x86_64", List.of(), null, null);
    }

    @Test
    void localModeVolumesSnapshotsAndCapacity() throws Exception {
        PrimaryStorageInventory ps = storage(tmp.resolve("ps").toString());
        StorageCapacity cap = backend.connect(ps, Map.of("hostAccess", "local"));
        assertTrue(cap.total() > 0 && cap.available() > 0, cap.toString());
        StorageCapacity perHost = backend.connectHost(ps, host, Map.of("hostAccess", "local"));
        assertEquals(cap.total(), perHost.total());

        VolumeInstantiation root = backend.createRootVolume(ps, host, "2".repeat(32), image("qcow2"), image.toString());
        Path cached = tmp.resolve("ps/imagecache/" + IMAGE_UUID + ".qcow2");
        assertEquals(tmp.resolve("ps/rootVolumes/" + "2".repeat(32) + ".qcow2").toString(), root.installPath());
        ImageInfo info = qemu.info(root.installPath());
        assertEquals(cached.toString(), info.backingFile());
        assertEquals("qcow2", info.backingFormat());
        assertEquals(32 * MIB, root.size());
        assertTrue(holds(Path.of(root.installPath()), "0x11"), "the overlay reads the image's bytes");
        assertTrue(sshHosts.isEmpty(), "local mode never uses ssh");

        VolumeInstantiation data = backend.createDataVolume(ps, host, "3".repeat(32), 16 * MIB);
        assertEquals(16 * MIB, qemu.info(data.installPath()).virtualSize());
        assertEquals("qcow2", data.format());
        assertEquals(48 * MIB, backend.resizeVolume(ps, host, data.installPath(), 48 * MIB).size());
        StorageException shrink = assertThrows(StorageException.class,
                () -> backend.resizeVolume(ps, host, data.installPath(), 8 * MIB));
        assertTrue(shrink.getMessage().contains("never shrink"), shrink.getMessage());
        assertEquals(48 * MIB, qemu.info(data.installPath()).virtualSize());

        Path d = Path.of(data.installPath());
        qemuIo(d, "write -P 0xaa 0 64k");
        SnapshotInstantiation snap = backend.createSnapshot(ps, host, data.installPath(), "4".repeat(32));
        assertEquals(data.installPath() + "#" + "4".repeat(32), snap.installPath());
        qemuIo(d, "write -P 0xbb 0 64k");
        assertTrue(holds(d, "0xbb"));
        assertFalse(holds(d, "0xaa"));
        backend.revertSnapshot(ps, host, data.installPath(), snap.installPath());
        assertTrue(holds(d, "0xaa"), "reverted to the snapshot's bytes");
        backend.deleteSnapshot(ps, host, data.installPath(), snap.installPath());
        assertEquals(List.of(), qemu.info(data.installPath()).snapshots());
        backend.deleteSnapshot(ps, host, data.installPath(), snap.installPath());
        assertThrows(IllegalArgumentException.class,
                () -> backend.revertSnapshot(ps, host, data.installPath(), root.installPath() + "#x"));

        backend.deleteVolume(ps, null, data.installPath());
        backend.deleteVolume(ps, null, root.installPath());
        assertFalse(Files.exists(d));
        assertFalse(Files.exists(Path.of(root.installPath())));
        assertTrue(Files.exists(cached), "the cache stays");
        backend.deleteVolume(ps, null, root.installPath());
        assertThrows(IllegalArgumentException.class, () -> backend.deleteVolume(ps, null, cached.toString()));
        assertThrows(IllegalArgumentException.class, () -> backend.deleteVolume(ps, null, tmp.resolve("ps/rootVolumes/../x").toString()));

        String iso = backend.cacheImage(ps, host, image("qcow2"), image.toString());
        assertEquals(tmp.resolve("ps/isocache/" + IMAGE_UUID + ".qcow2").toString(), iso);
        assertTrue(Files.exists(Path.of(iso)));
    }

    @Test
    void concurrentRootVolumesCopyTheImageOnce() throws Exception {
        PrimaryStorageInventory ps = storage(tmp.resolve("ps").toString());
        backend.connect(ps, Map.of("hostAccess", "local"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<VolumeInstantiation>> made = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String uuid = String.valueOf((char) ('a' + i)).repeat(32);
            made.add(pool.submit(() -> backend.createRootVolume(ps, host, uuid, image("qcow2"), image.toString())));
        }
        for (Future<VolumeInstantiation> f : made) {
            assertTrue(Files.exists(Path.of(f.get().installPath())));
        }
        pool.shutdown();
        assertEquals(1, backend.cache().fetches.get());
        try (var files = Files.list(tmp.resolve("ps/imagecache"))) {
            assertEquals(List.of(IMAGE_UUID + ".qcow2"), files.map(p -> p.getFileName().toString()).toList(), "no temp file left");
        }
    }

    @Test
    void failedCreatesLeaveNothing() throws Exception {
        PrimaryStorageInventory ps = storage(tmp.resolve("ps").toString());
        backend.connect(ps, Map.of("hostAccess", "local"));
        StorageException e = assertThrows(StorageException.class, () -> backend.createRootVolume(ps, host, "2".repeat(32),
                image("qcow2"), tmp.resolve("bs/images/none.qcow2").toString()));
        assertTrue(e.getMessage().contains("cannot be fetched"), e.getMessage());
        try (var files = Files.list(tmp.resolve("ps"))) {
            assertEquals(0, files.filter(p -> !p.getFileName().toString().startsWith(".")).flatMap(p -> {
                try {
                    return Files.list(p);
                } catch (java.io.IOException x) {
                    throw new RuntimeException(x);
                }
            }).count());
        }
        Files.createDirectories(tmp.resolve("ro"));
        assertThrows(IllegalArgumentException.class, () -> backend.connect(storage("relative/dir"), Map.of("hostAccess", "local")));
        assertThrows(StorageException.class, () -> backend.connect(storage(tmp.resolve("ps").toString()), Map.of("hostAccess", "nfs")));
    }

    @Test
    void sshModePushesOrFetchesIntoTheHostsDirectory() throws Exception {
        PrimaryStorageInventory ps = storage(tmp.resolve("host-dir").toString());
        assertEquals(new StorageCapacity(0, 0), backend.connect(ps, Map.of()));
        StorageCapacity perHost = backend.connectHost(ps, host, Map.of());
        assertTrue(perHost.total() > 0, perHost.toString());
        assertTrue(Files.isDirectory(tmp.resolve("host-dir")), "connectHost creates the directory");
        assertFalse(sshHosts.isEmpty(), "ssh mode runs commands on the host");

        VolumeInstantiation pushed = backend.createRootVolume(ps, host, "2".repeat(32), image("qcow2"), image.toString());
        assertTrue(holds(Path.of(pushed.installPath()), "0x11"), "the image was pushed through ssh's standard input");
        StorageException noHost = assertThrows(StorageException.class,
                () -> backend.createDataVolume(ps, null, "3".repeat(32), MIB));
        assertTrue(noHost.getMessage().contains("host"), noHost.getMessage());

        // with an exporter that hosts reach, the host fetches the image with curl, and the link is withdrawn after
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/img", ex -> {
            byte[] data = Files.readAllBytes(image);
            ex.sendResponseHeaders(200, data.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(data);
            }
        });
        http.start();
        List<String> withdrawn = new CopyOnWriteArrayList<>();
        exporters.add(new ImageExporter() {
            @Override public boolean reachableFromHosts() { return true; }
            @Override public boolean isExported(String imageUuid) { return false; }
            @Override public String export(String imageUuid, Path file) {
                return "http://127.0.0.1:" + http.getAddress().getPort() + "/img";
            }
            @Override public void withdraw(String imageUuid) { withdrawn.add(imageUuid); }
        });
        try {
            PrimaryStorageInventory other = storage(tmp.resolve("host-dir2").toString());
            backend.connect(other, Map.of("hostAccess", "ssh"));
            VolumeInstantiation fetched = backend.createRootVolume(other, host, "5".repeat(32), image("qcow2"), image.toString());
            assertTrue(holds(Path.of(fetched.installPath()), "0x11"), "the host fetched the image over HTTP");
            assertEquals(List.of(IMAGE_UUID), withdrawn);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void dfOutputIsParsed() throws Exception {
        assertEquals(new StorageCapacity(1000, 400), DiskFree.parse("    1B-blocks      Avail\n 1000 400\n", "h"));
        assertThrows(StorageException.class, () -> DiskFree.parse("df: /x: No such file", "h"));
        CommandRunner r = new LocalCommandRunner();
        assertTrue(DiskFree.of(r, tmp.toString()).total() > 0);
    }
}
