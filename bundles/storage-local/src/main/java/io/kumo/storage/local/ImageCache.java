package io.kumo.storage.local;

import io.kumo.api.image.ImageBackupStorageRefInventory;
import io.kumo.api.image.ImageInventory;
import io.kumo.storage.qemuimg.CommandResult;
import io.kumo.storage.qemuimg.CommandRunner;
import io.kumo.storage.qemuimg.ImageExporter;
import io.kumo.storage.qemuimg.SafePaths;
import io.kumo.storage.qemuimg.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Brings images from backup storage into a cache directory of a host, once per image and host: concurrent requests
 * for one image wait for the first to finish. Each copy lands in a temporary file renamed into place, so a cached file
 * is always whole. How the bytes travel, in order of preference:
 * <ol>
 *   <li>hostAccess=local and the image is a file readable here: copied by the management node;</li>
 *   <li>the image copy has an export URL, or an {@link ImageExporter} serves it at an address hosts reach: the host
 *       runs {@code curl -fsS -o};</li>
 *   <li>the image is a file readable here: pushed to the host through ssh's standard input ({@code dd});</li>
 *   <li>the install path is itself an http(s) URL: the host runs {@code curl}.</li>
 * </ol>
 */
class ImageCache {
    private static final Logger LOG = LoggerFactory.getLogger(ImageCache.class);
    private static final Duration TRANSFER_TIMEOUT = Duration.ofHours(2);

    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final Supplier<List<ImageExporter>> exporters;
    /** How many images were actually fetched (not found in the cache), for tests and logs. */
    final AtomicInteger fetches = new AtomicInteger();

    /** @param exporters the image exporters registered now */
    ImageCache(Supplier<List<ImageExporter>> exporters) {
        this.exporters = exporters;
    }

    /**
     * @param runner      where the cache is
     * @param access      how the management node sees it
     * @param lockKey     what identifies the host's cache directory (one key per directory)
     * @param dir         the cache directory
     * @param image       the image
     * @param installPath where the image is on its backup storage
     * @return the cached file
     */
    String ensure(CommandRunner runner, HostAccess access, String lockKey, String dir, ImageInventory image,
                  String installPath) throws StorageException {
        String cached = dir + "/" + SafePaths.name(image.uuid()) + "." + SafePaths.name(extension(image, installPath));
        Object lock = locks.computeIfAbsent(lockKey + "|" + cached, k -> new Object());
        synchronized (lock) {
            if (runner.run(List.of("test", "-f", cached), null, CommandRunner.DEFAULT_TIMEOUT).ok()) {
                return cached;
            }
            runner.check(List.of("mkdir", "-p", dir));
            String tmp = cached + ".tmp-" + UUID.randomUUID();
            try {
                fetch(runner, access, image, installPath, tmp);
                runner.check(List.of("mv", "-f", tmp, cached));
            } catch (StorageException | RuntimeException e) {
                runner.run(List.of("rm", "-f", tmp), null, CommandRunner.DEFAULT_TIMEOUT);
                throw e;
            }
            fetches.incrementAndGet();
            LOG.info("image {} cached at {} on {}", image.uuid(), cached, runner.where());
            return cached;
        }
    }

    private static String extension(ImageInventory image, String installPath) {
        String format = image.format() == null ? "" : image.format().toLowerCase(Locale.ROOT);
        if (List.of("qcow2", "raw", "iso").contains(format)) {
            return format;
        }
        int dot = installPath.lastIndexOf('.');
        return dot > 0 ? installPath.substring(dot + 1) : "img";
    }

    private void fetch(CommandRunner runner, HostAccess access, ImageInventory image, String installPath, String tmp)
            throws StorageException {
        Path local = installPath.startsWith("/") ? Path.of(SafePaths.absolute(installPath, "image install path")) : null;
        boolean readableHere = local != null && Files.isRegularFile(local) && Files.isReadable(local);
        if (access == HostAccess.LOCAL && readableHere) {
            copyHere(local, Path.of(tmp));
            return;
        }
        String exportUrl = image.backupStorageRefs() == null ? null : image.backupStorageRefs().stream()
                .filter(r -> installPath.equals(r.installPath()) && r.exportUrl() != null)
                .map(ImageBackupStorageRefInventory::exportUrl).findFirst().orElse(null);
        if (exportUrl != null) {
            curl(runner, exportUrl, tmp);
            return;
        }
        if (readableHere) {
            ImageExporter exporter = exporters.get().stream().filter(ImageExporter::reachableFromHosts).findFirst().orElse(null);
            if (exporter != null) {
                boolean already = exporter.isExported(image.uuid());
                String url = exporter.export(image.uuid(), local);
                try {
                    curl(runner, url, tmp);
                } finally {
                    if (!already) {
                        exporter.withdraw(image.uuid());
                    }
                }
                return;
            }
            CommandResult r = runner.run(List.of("dd", "of=" + tmp, "bs=4M", "status=none"), local, TRANSFER_TIMEOUT);
            if (!r.ok()) {
                throw io.kumo.storage.qemuimg.CommandErrors.explain(runner.where(), List.of("dd"), r);
            }
            return;
        }
        String lower = installPath.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            curl(runner, installPath, tmp);
            return;
        }
        throw new StorageException("image " + image.uuid() + " at " + installPath + " cannot be fetched: it is not a"
                + " file of the management node, has no export URL and is not an http(s) URL; keep images on an image"
                + " store of the management node");
    }

    private static void curl(CommandRunner runner, String url, String tmp) throws StorageException {
        if (!url.matches("(?i)https?://[^\\s]+")) {
            throw new StorageException("not an http(s) URL: " + url);
        }
        CommandResult r = runner.run(List.of("curl", "-fsS", "--retry", "2", "-o", tmp, url), null, TRANSFER_TIMEOUT);
        if (!r.ok()) {
            throw io.kumo.storage.qemuimg.CommandErrors.explain(runner.where(), List.of("curl"), r);
        }
    }

    private static void copyHere(Path source, Path tmp) throws StorageException {
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left")) {
                throw new StorageException("no space left on " + tmp.getParent() + ": free space or add storage", e);
            }
            throw new StorageException("cannot copy image " + source + " to " + tmp + ": " + e, e);
        }
    }
}
