package io.kumo.storage.imagestore;

import io.kumo.storage.qemuimg.StorageException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Streams an image from an {@code http}, {@code https} or {@code file} URL into a file, computing its md5 on the way
 * and reporting progress 0..99 (from Content-Length; in coarse steps when the length is unknown). A download that
 * fails leaves no file behind.
 */
public class ImageDownloader {
    private static final int BUFFER = 1 << 16;
    /** Without a known length, progress moves 5 points per this many bytes, up to 90. */
    static final long UNKNOWN_LENGTH_STEP = 16L << 20;

    /** Watches downloads for stalls; its thread ends when no download runs (nothing outlives the bundle long). */
    private static final ScheduledThreadPoolExecutor WATCHDOG = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "kumo-imagestore-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    static {
        WATCHDOG.setKeepAliveTime(30, TimeUnit.SECONDS);
        WATCHDOG.allowCoreThreadTimeOut(true);
        WATCHDOG.setRemoveOnCancelPolicy(true);
    }

    private final HttpClient http;
    private final Duration timeout;
    private final List<Path> fileRoots;

    /** @param connectTimeout how long to wait for a server to connect and answer, and for each further byte */
    public ImageDownloader(Duration connectTimeout) {
        this(connectTimeout, List.of());
    }

    /**
     * @param connectTimeout how long to wait for a server to connect and answer, and for each further byte
     * @param fileRoots      the directories {@code file} URLs may read from (none: file URLs are refused, so that an
     *                       image URL cannot copy the management node's own files into the store)
     */
    public ImageDownloader(Duration connectTimeout, List<Path> fileRoots) {
        this.fileRoots = List.copyOf(fileRoots);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = connectTimeout;
    }

    /**
     * What was downloaded.
     *
     * @param bytes  its length
     * @param md5Sum its md5, in hex
     */
    public record Downloaded(long bytes, String md5Sum) { }

    /**
     * @param url      where the image is
     * @param target   the file to write (replaced)
     * @param progress told the percentage done, up to 99
     * @return what was written
     * @throws StorageException on failure; the target is deleted
     */
    public Downloaded download(String url, Path target, IntConsumer progress) throws StorageException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new StorageException("the image URL " + url + " is not a valid URL: give an http, https or file URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        try {
            switch (scheme) {
                case "http", "https" -> {
                    return fromHttp(uri, target, progress);
                }
                case "file" -> {
                    Path source = Path.of(uri).normalize();
                    if (fileRoots.stream().noneMatch(source::startsWith)) {
                        throw new StorageException("file URLs are accepted only under " + (fileRoots.isEmpty()
                                ? "the directories listed in fileUrlRoots of etc/io.kumo.storage.imagestore.cfg (none now)"
                                : fileRoots) + ": serve " + url + " over http(s), or list its directory there");
                    }
                    if (!Files.isRegularFile(source)) {
                        throw new StorageException("no file at " + url + ": check the image URL");
                    }
                    try (InputStream in = Files.newInputStream(source)) {
                        return copy(in, Files.size(source), target, progress, url, new AtomicLong());
                    }
                }
                default -> throw new StorageException("cannot download " + url + ": only http, https and file URLs are"
                        + " supported by the image store");
            }
        } catch (StorageException e) {
            deleteQuietly(target);
            throw e;
        } catch (IOException e) {
            deleteQuietly(target);
            throw explain(url, target, e);
        } catch (InterruptedException e) {
            deleteQuietly(target);
            Thread.currentThread().interrupt();
            throw new StorageException("the download of " + url + " was interrupted", e);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw new StorageException("cannot download " + url + ": " + e.getMessage(), e);
        }
    }

    private Downloaded fromHttp(URI uri, Path target, IntConsumer progress) throws IOException, InterruptedException,
            StorageException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new StorageException("downloading " + uri + " failed: the server answered HTTP "
                        + response.statusCode() + (response.statusCode() == 404 ? " (not found)" : "")
                        + "; check the image URL");
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            // a server that stops sending is cut off: the stream is closed after `timeout` without a byte
            AtomicLong lastRead = new AtomicLong(System.nanoTime());
            AtomicBoolean stalled = new AtomicBoolean();
            ScheduledFuture<?> watch = WATCHDOG.scheduleWithFixedDelay(() -> {
                if (System.nanoTime() - lastRead.get() > timeout.toNanos() && stalled.compareAndSet(false, true)) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // the reader fails either way
                    }
                }
            }, 1, 1, TimeUnit.SECONDS);
            try {
                return copy(in, length, target, progress, uri.toString(), lastRead);
            } catch (IOException e) {
                if (stalled.get()) {
                    throw new StorageException("downloading " + uri + " timed out: the server sent nothing for "
                            + timeout.toSeconds() + " s; retry, or check the server", e);
                }
                throw e;
            } finally {
                watch.cancel(false);
            }
        }
    }

    private static Downloaded copy(InputStream in, long length, Path target, IntConsumer progress, String url,
                                   AtomicLong lastRead) throws IOException, StorageException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long done = 0;
        int reported = 0;
        progress.accept(0);
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new StorageException("the download of " + url + " was interrupted");
                }
                lastRead.set(System.nanoTime());
                out.write(buf, 0, n);
                md5.update(buf, 0, n);
                done += n;
                int percent = length > 0 ? (int) Math.min(99, done * 100 / length)
                        : (int) Math.min(90, done / UNKNOWN_LENGTH_STEP * 5);
                if (percent > reported) {
                    reported = percent;
                    progress.accept(percent);
                }
            }
        }
        if (length >= 0 && done != length) {
            throw new StorageException("the download of " + url + " stopped after " + done + " of " + length
                    + " bytes; retry, or check the server");
        }
        return new Downloaded(done, HexFormat.of().formatHex(md5.digest()));
    }

    private static StorageException explain(String url, Path target, IOException e) {
        String m = String.valueOf(e.getMessage());
        if (m.toLowerCase(Locale.ROOT).contains("no space left")) {
            return new StorageException("no space left on the image store at " + target.getParent()
                    + " while downloading " + url + ": free space or add backup storage", e);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new StorageException("permission denied writing " + target + ": give the management node's user"
                    + " write access to the image store directory", e);
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return new StorageException("downloading " + url + " timed out: check that the server answers", e);
        }
        if (e instanceof java.net.ConnectException) {
            return new StorageException("cannot connect to the server of " + url + ": check the URL and the network", e);
        }
        return new StorageException("downloading " + url + " failed half-way (" + e.getClass().getSimpleName() + ": "
                + m + "); retry, or check the server", e);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the caller reports the original failure
        }
    }
}
