package io.kumo.compute.image;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.ImageDownload;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.compute.backend.Backends;
import io.kumo.compute.storage.BackupStorageManager;
import io.kumo.compute.storage.BackupStorageStore;
import io.kumo.compute.storage.StorageFixtures;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images with a fake backup storage backend: download with progress, rollback of a half-done add, recycle bin. */
class ImageLifecycleTest {
    private static final String ZONE = "00000000000000000000000000000001";
    private static final String BS1 = "000000000000000000000000000000b1";
    private static final String BS2 = "000000000000000000000000000000b2";

    /** Keeps "files" per storage; fails downloads onto the storages named in failOn. */
    static final class FakeBackend implements BackupStorageBackend {
        final Map<String, Set<String>> files = new ConcurrentHashMap<>();
        final Set<String> failOn = ConcurrentHashMap.newKeySet();

        @Override public String type() { return "Fake"; }
        @Override public io.kumo.api.operation.AddOperationSpec addOperation() { return null; }
        @Override public StorageCapacity connect(BackupStorageInventory s, Map<String, String> p) { return new StorageCapacity(1000, 1000); }

        @Override
        public ImageDownload downloadImage(BackupStorageInventory s, ImageInventory image, IntConsumer progress) throws Exception {
            progress.accept(50);
            if (failOn.contains(s.uuid())) {
                throw new Exception("network failed half-way");
            }
            progress.accept(100);
            String path = "/" + s.uuid() + "/" + image.uuid();
            files.computeIfAbsent(s.uuid(), k -> ConcurrentHashMap.newKeySet()).add(path);
            return new ImageDownload(path, 400, 100, "qcow2", "md5");
        }

        @Override public void deleteImage(BackupStorageInventory s, String installPath) {
            files.getOrDefault(s.uuid(), Set.of()).remove(installPath);
        }

        int fileCount() { return files.values().stream().mapToInt(Set::size).sum(); }
    }

    private final Map<String, String> config = new ConcurrentHashMap<>(Map.of("image.deletionPolicy", "Delay"));
    private final GlobalConfigService globalConfig = new GlobalConfigService() {
        @Override public String value(String category, String name) { return config.get(category + "." + name); }
        @Override public AutoCloseable watch(String category, String name, Consumer<String> listener) { return () -> { }; }
    };
    private final FakeBackend backend = new FakeBackend();
    private Database db;
    private ImageStore store;
    private BackupStorageStore bsStore;
    private ImageManager images;
    private AddImageOperation add;

    @BeforeEach
    void setUp() {
        db = StorageFixtures.database();
        store = StorageFixtures.images(db);
        bsStore = StorageFixtures.backup(db);
        Backends backends = new Backends(null);
        backends.backupStorage().add(backend);
        images = new ImageManager(store, bsStore, backends, e -> { });
        add = new AddImageOperation(store, new BackupStorageManager(bsStore, backends), backends, null, e -> { });
        StorageFixtures.zone(db, ZONE);
        StorageFixtures.backupStorage(bsStore, BS1, ZONE, 1000);
        StorageFixtures.backupStorage(bsStore, BS2, ZONE, 1000);
    }

    @AfterEach
    void tearDown() { db.close(); }

    private io.kumo.api.operation.OperationRequest addRequest(String url, List<String> bs) {
        Map<String, Object> p = new HashMap<>(Map.of("name", "img", "url", url, "mediaType", "RootVolumeTemplate",
                "platform", "Linux", "architecture", "x86_64", "system", false, "backupStorageUuids", bs));
        return StorageFixtures.request("AddImage", p);
    }

    private String addImage() {
        var request = addRequest("http://example.com/a.qcow2", List.of(BS1, BS2));
        add.check(request);
        StorageFixtures.Run run = StorageFixtures.run(add.flow(request), request);
        assertNull(run.failure);
        return request.requestId();
    }

    @Test
    void addDownloadsOntoEveryStorageWithProgress() {
        var request = addRequest("http://example.com/a.qcow2", List.of(BS1, BS2));
        add.check(request);
        StorageFixtures.Run run = StorageFixtures.run(add.flow(request), request);
        assertNull(run.failure);
        ImageInventory image = images.get(request.requestId()).orElseThrow();
        assertEquals("Ready", image.status());
        assertEquals(400, image.size());
        assertEquals(100, image.actualSize());
        assertEquals(2, image.backupStorageRefs().size());
        assertTrue(image.backupStorageRefs().stream().allMatch(r -> "Ready".equals(r.status()) && r.installPath() != null));
        assertEquals(900, bsStore.find(BS1).getAvailableCapacity(), "the image's actual size is accounted");
        assertTrue(run.progress.stream().allMatch(p -> p >= 0 && p <= 100) && run.progress.size() >= 4, run.progress.toString());
        assertTrue(run.progress.get(0) < run.progress.get(run.progress.size() - 1), "progress grows");
    }

    @Test
    void downloadFailingHalfWayLeavesNothing() {
        backend.failOn.add(BS2);
        var request = addRequest("http://example.com/a.qcow2", List.of(BS1, BS2));
        StorageFixtures.Run run = StorageFixtures.run(add.flow(request), request);
        assertNotNull(run.failure);
        assertTrue(images.get(request.requestId()).isEmpty(), "no image row");
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM ImageBackupStorageRefVO"), "no copy row");
        assertEquals(0, backend.fileCount(), "the copy already made on the first storage is deleted");
        assertEquals(1000, bsStore.find(BS1).getAvailableCapacity(), "its space is given back");
    }

    @Test
    void checkRefusesBadUrlsAndUnusableStorage() {
        for (String url : List.of("ftp://example.com/a", "http:///a", "not a url", "file:relative")) {
            assertThrows(ApiException.class, () -> add.check(addRequest(url, List.of(BS1))), url);
        }
        add.check(addRequest("file:///images/a.qcow2", List.of(BS1)));
        assertThrows(ApiException.class, () -> add.check(addRequest("https://h/a", List.of(BS1, BS1))), "duplicates");
        assertThrows(ApiException.class, () -> add.check(addRequest("https://h/a", List.of("ffffffffffffffffffffffffffffffff"))));
        bsStore.update(BS2, bs -> bs.getAttachedZoneUuids().clear());
        assertEquals(io.kumo.api.error.ErrorCode.INVALID_STATE.code(), assertThrows(ApiException.class, () -> add.check(addRequest("https://h/a", List.of(BS2)))).error().code());
        bsStore.update(BS1, bs -> bs.setState("Disabled"));
        assertThrows(ApiException.class, () -> add.check(addRequest("https://h/a", List.of(BS1))));
    }

    @Test
    void deleteUnderDelayPolicyUsesTheRecycleBin() {
        String uuid = addImage();
        DeleteImageOperation delete = new DeleteImageOperation(store, images, e -> { }, globalConfig);
        var del = StorageFixtures.request("DeleteImage", Map.of("uuid", uuid, "deleteMode", "Permissive"));
        delete.check(del);
        assertNull(StorageFixtures.run(delete.flow(del), del).failure);
        assertEquals("Deleted", images.get(uuid).orElseThrow().status());
        assertEquals(2, backend.fileCount(), "nothing deleted from storage yet");
        assertThrows(ApiException.class, () -> delete.check(del), "already in the recycle bin");

        RecoverImageOperation recover = new RecoverImageOperation(store, images, e -> { });
        var rec = StorageFixtures.request("RecoverImage", Map.of("uuid", uuid));
        recover.check(rec);
        assertNull(StorageFixtures.run(recover.flow(rec), rec).failure);
        assertEquals("Ready", images.get(uuid).orElseThrow().status());

        ExpungeImageOperation expunge = new ExpungeImageOperation(store, images, e -> { });
        var exp = StorageFixtures.request("ExpungeImage", Map.of("uuid", uuid));
        assertThrows(ApiException.class, () -> expunge.check(exp), "only deleted images are expunged");
        StorageFixtures.run(delete.flow(del), del);
        expunge.check(exp);
        assertNull(StorageFixtures.run(expunge.flow(exp), exp).failure);
        assertTrue(images.get(uuid).isEmpty());
        assertEquals(0, backend.fileCount());
        assertEquals(1000, bsStore.find(BS1).getAvailableCapacity());
    }

    @Test
    void deleteUnderDirectPolicyExpungesAtOnce() {
        String uuid = addImage();
        config.put("image.deletionPolicy", "Direct");
        DeleteImageOperation delete = new DeleteImageOperation(store, images, e -> { }, globalConfig);
        var del = StorageFixtures.request("DeleteImage", Map.of("uuid", uuid, "deleteMode", "Permissive"));
        assertNull(StorageFixtures.run(delete.flow(del), del).failure);
        assertTrue(images.get(uuid).isEmpty());
        assertEquals(0, backend.fileCount());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM ImageBackupStorageRefVO"));
    }
}
