package io.kumo.storage.imagestore;

import com.sun.net.httpserver.HttpServer;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.ImageDownload;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.storage.qemuimg.LocalCommandRunner;
import io.kumo.storage.qemuimg.QemuImg;
import io.kumo.storage.qemuimg.StorageException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a local HTTP server into a real directory, format detection with real qemu-img, exports over Jetty. */
class ImageStoreBackupStorageBackendTest {
    private static final long MIB = 1L << 20;
    @TempDir Path tmp;
    private Path store;
    private HttpServer http;
    private String base;
    private final ImageExports exports = new ImageExports("http://127.0.0.1:1");
    private ImageStoreBackupStorageBackend backend;
    private BackupStorageInventory bs;

    @BeforeEach
    void start() throws Exception {
        store = tmp.resolve("store");
        backend = new ImageStoreBackupStorageBackend(exports, 10, tmp.resolve("served") + ", /nonexistent");
        bs = new BackupStorageInventory("b".repeat(32), "bs", store.toString(), null, ImageStoreBackupStorageBackend.TYPE,
                "Enabled", "Connected", 0, 0, List.of(), null, null);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/files/", ex -> {
            Path f = tmp.resolve(ex.getRequestURI().getPath().substring("/files/".length()));
            if (!Files.exists(f)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] data = Files.readAllBytes(f);
            boolean chunked = ex.getRequestURI().getQuery() != null && ex.getRequestURI().getQuery().contains("chunked");
            ex.sendResponseHeaders(200, chunked ? 0 : data.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(data);
            }
        });
        http.createContext("/drop/", ex -> {
            ex.sendResponseHeaders(200, 8 * MIB);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[(int) MIB]);
            out.flush();
            // the connection is then closed with the body incomplete
            ex.close();
        });
        http.createContext("/stall/", ex -> {
            ex.sendResponseHeaders(200, 8 * MIB);
            OutputStream out = ex.getResponseBody();
            out.write(new byte[(int) MIB]);
            out.flush();
            try {
                Thread.sleep(6000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
        assertTrue(backend.connect(bs, Map.of("hostname", "127.0.0.1")).total() > 0);
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private static ImageInventory image(String uuid, String url, String format) {
        return new ImageInventory(uuid, "img", null, "Enabled", "Downloading", 0, 0, null, url, "RootVolumeTemplate",
                null, "zstack", "Linux", format, false, "x86_64", List.of(), null, null);
    }

    private static String md5(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(f)));
    }

    private List<String> storeFiles() throws Exception {
        try (var s = Files.list(store.resolve("images"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void qcow2DownloadReportsProgressAndMd5() throws Exception {
        Path src = tmp.resolve("disk.qcow2");
        new QemuImg(new LocalCommandRunner()).create(src.toString(), "qcow2", 64 * MIB);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        String uuid = "1".repeat(32);
        ImageDownload d = backend.downloadImage(bs, image(uuid, base + "/files/disk.qcow2", "qcow2"), progress::add);
        assertEquals(store.resolve("images/" + uuid + ".qcow2").toString(), d.installPath());
        assertEquals("qcow2", d.format());
        assertEquals(64 * MIB, d.size());
        assertEquals(Files.size(src), d.actualSize());
        assertEquals(md5(src), d.md5Sum());
        assertEquals(md5(src), md5(Path.of(d.installPath())));
        assertEquals(100, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
        }
        assertEquals(List.of(uuid + ".qcow2"), storeFiles());

        backend.deleteImage(bs, d.installPath());
        assertEquals(List.of(), storeFiles());
        backend.deleteImage(bs, d.installPath());
    }

    @Test
    void rawAndIsoDetectedEvenWithoutLength() throws Exception {
        byte[] raw = new byte[(int) (3 * MIB)];
        new Random(1).nextBytes(raw);
        Files.write(tmp.resolve("disk.img"), raw);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        ImageDownload d = backend.downloadImage(bs, image("2".repeat(32), base + "/files/disk.img?chunked", "raw"), progress::add);
        assertEquals("raw", d.format());
        assertEquals(raw.length, d.size());
        assertEquals(100, progress.get(progress.size() - 1));

        byte[] iso = new byte[64 * 1024];
        System.arraycopy("CD001".getBytes(), 0, iso, 0x8001, 5);
        iso[0x8000] = 1;
        Files.write(tmp.resolve("cd.iso"), iso);
        Files.createDirectories(tmp.resolve("served"));
        Files.write(tmp.resolve("served/cd.iso"), iso);
        ImageDownload i = backend.downloadImage(bs, image("3".repeat(32), base + "/files/cd.iso", "iso"), p -> { });
        assertEquals("iso", i.format());
        assertTrue(i.installPath().endsWith(".iso"));

        ImageDownload f = backend.downloadImage(bs, image("4".repeat(32), tmp.resolve("served/cd.iso").toUri().toString(), null), p -> { });
        assertEquals("iso", f.format());
        StorageException outside = assertThrows(StorageException.class, () -> backend.downloadImage(bs,
                image("c".repeat(32), tmp.resolve("served/../cd.iso").toUri().toString(), null), p -> { }));
        assertTrue(outside.getMessage().contains("file URLs are accepted only under"), outside.getMessage());
        assertEquals(3, storeFiles().size());
    }

    @Test
    void wrongDeclaredFormatIsRefusedAndNothingLeft() throws Exception {
        Files.write(tmp.resolve("disk.img"), new byte[(int) MIB]);
        StorageException e = assertThrows(StorageException.class,
                () -> backend.downloadImage(bs, image("5".repeat(32), base + "/files/disk.img", "qcow2"), p -> { }));
        assertTrue(e.getMessage().contains("declared qcow2 but its content is raw"), e.getMessage());
        assertEquals(List.of(), storeFiles());
    }

    @Test
    void qcow2WithBackingFileIsRefused() throws Exception {
        QemuImg qemu = new QemuImg(new LocalCommandRunner());
        qemu.create(tmp.resolve("base.raw").toString(), "raw", MIB);
        qemu.createOverlay(tmp.resolve("over.qcow2").toString(), tmp.resolve("base.raw").toString(), "raw", 0);
        StorageException e = assertThrows(StorageException.class,
                () -> backend.downloadImage(bs, image("6".repeat(32), base + "/files/over.qcow2", "qcow2"), p -> { }));
        assertTrue(e.getMessage().contains("backing file"), e.getMessage());
        assertEquals(List.of(), storeFiles());
    }

    @Test
    void failedDownloadsLeaveNoFile() throws Exception {
        StorageException dropped = assertThrows(StorageException.class,
                () -> backend.downloadImage(bs, image("7".repeat(32), base + "/drop/x", "qcow2"), p -> { }));
        assertTrue(dropped.getMessage().contains("half-way") || dropped.getMessage().contains("stopped after"),
                dropped.getMessage());
        StorageException missing = assertThrows(StorageException.class,
                () -> backend.downloadImage(bs, image("8".repeat(32), base + "/files/none.qcow2", "qcow2"), p -> { }));
        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        StorageException refused = assertThrows(StorageException.class,
                () -> backend.downloadImage(bs, image("9".repeat(32), "ftp://127.0.0.1/x", "qcow2"), p -> { }));
        assertTrue(refused.getMessage().contains("only http, https and file"), refused.getMessage());
        assertEquals(List.of(), storeFiles());
    }

    @Test
    void aStalledServerTimesOut() throws Exception {
        ImageStoreBackupStorageBackend impatient = new ImageStoreBackupStorageBackend(exports, 2, "");
        long start = System.nanoTime();
        StorageException e = assertThrows(StorageException.class,
                () -> impatient.downloadImage(bs, image("b".repeat(32), base + "/stall/x", "qcow2"), p -> { }));
        assertTrue(e.getMessage().contains("timed out: the server sent nothing for 2 s"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_500_000_000L, "cut off before the server resumes");
        assertEquals(List.of(), storeFiles());
    }

    @Test
    void onlyTheManagementNodeIsAccepted() {
        assertTrue(ImageStoreBackupStorageBackend.isThisNode("localhost"));
        assertTrue(ImageStoreBackupStorageBackend.isThisNode("127.0.0.1"));
        assertFalse(ImageStoreBackupStorageBackend.isThisNode("192.0.2.1"));
        assertThrows(StorageException.class, () -> backend.connect(bs, Map.of("hostname", "192.0.2.1")));
        assertThrows(IllegalArgumentException.class, () -> backend.deleteImage(bs, "/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> backend.deleteImage(bs, store + "/images/../../x"));
    }

    @Test
    void exportedImagesAreServedWithRangesUntilWithdrawn() throws Exception {
        byte[] raw = new byte[(int) (2 * MIB)];
        new Random(2).nextBytes(raw);
        Files.write(tmp.resolve("disk.img"), raw);
        String uuid = "a".repeat(32);
        ImageDownload d = backend.downloadImage(bs, image(uuid, base + "/files/disk.img", "raw"), p -> { });

        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler();
        ctx.addServlet(new ServletHolder(new ImageExportServlet(exports)), ImageExports.PATH + "/*");
        jetty.setHandler(ctx);
        jetty.start();
        try {
            String link = backend.exportImage(bs, d.installPath(), uuid);
            assertEquals(link, backend.exportImage(bs, d.installPath(), uuid), "one link while exported");
            assertTrue(link.startsWith("http://127.0.0.1:1/imagestore/download/") && link.endsWith("/" + uuid + ".raw"), link);
            String local = "http://127.0.0.1:" + connector.getLocalPort() + link.substring("http://127.0.0.1:1".length());
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<byte[]> full = client.send(HttpRequest.newBuilder(URI.create(local)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, full.statusCode());
            assertArrayEquals(raw, full.body());
            assertEquals(String.valueOf(raw.length), full.headers().firstValue("Content-Length").orElseThrow());

            HttpResponse<byte[]> part = client.send(HttpRequest.newBuilder(URI.create(local)).header("Range", "bytes=100-199")
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, part.statusCode());
            assertArrayEquals(Arrays.copyOfRange(raw, 100, 200), part.body());
            assertEquals("bytes 100-199/" + raw.length, part.headers().firstValue("Content-Range").orElseThrow());
            HttpResponse<byte[]> tail = client.send(HttpRequest.newBuilder(URI.create(local)).header("Range", "bytes=-10")
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(Arrays.copyOfRange(raw, raw.length - 10, raw.length), tail.body());
            assertEquals(416, client.send(HttpRequest.newBuilder(URI.create(local)).header("Range", "bytes=" + raw.length + "-")
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());

            String guessed = local.replaceAll("/download/[^/]+/", "/download/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/");
            assertEquals(404, client.send(HttpRequest.newBuilder(URI.create(guessed)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            backend.deleteExportedImage(bs, d.installPath(), uuid);
            assertEquals(404, client.send(HttpRequest.newBuilder(URI.create(local)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } finally {
            jetty.stop();
        }
    }
}
