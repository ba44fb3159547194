package io.kumo.storage.imagestore;

import io.kumo.api.image.ImageInventory;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.ImageDownload;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.storage.qemuimg.LocalCommandRunner;
import io.kumo.storage.qemuimg.QemuImg;
import io.kumo.storage.qemuimg.SafePaths;
import io.kumo.storage.qemuimg.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The {@code ImageStoreBackupStorage} type (ZStack's image store): images kept as files
 * {@code <url>/images/<imageUuid>.<format>} in a directory of the management node. Downloads stream over HTTP(S) (or
 * from {@code file} URLs), their md5 is computed on the way, their format is detected with qemu-img and the ISO 9660
 * signature. Exported images are served by the node itself ({@link ImageExportServlet}).
 */
public class ImageStoreBackupStorageBackend implements BackupStorageBackend {
    /** The storage type. */
    public static final String TYPE = "ImageStoreBackupStorage";
    /** The sub-directory images are kept in. */
    public static final String IMAGES = "images";

    private static final Logger LOG = LoggerFactory.getLogger(ImageStoreBackupStorageBackend.class);

    private static final AddOperationSpec ADD_OPERATION = new AddOperationSpec("AddImageStoreBackupStorage",
            "/backup-storage/image-store", "Add an image store: a directory (url) on the management node that keeps"
            + " images as files and serves them for download",
            List.of(ParameterDescriptor.string("hostname").mandatory().maxLength(255).matching("[A-Za-z0-9.:_-]+")
                            .describedAs("the host whose directory keeps the images; only the management node itself"
                                    + " (127.0.0.1, localhost or one of its addresses) is supported"),
                    ParameterDescriptor.string("username").maxLength(255)
                            .describedAs("ssh login of that host (unused while the image store is on the management node)"),
                    ParameterDescriptor.string("password").maxLength(255).asSecret()
                            .describedAs("ssh password of that host (unused: Kumo logs in with keys only)"),
                    ParameterDescriptor.integer("sshPort").range(1, 65535).withDefault("22")
                            .describedAs("ssh port of that host")));

    private final ImageExports exports;
    private final ImageDownloader downloader;
    private final FormatDetector detector;

    /**
     * @param exports                the exported images
     * @param downloadTimeoutSeconds how long a server may take to connect and answer, and to send each further byte
     * @param fileUrlRoots           comma-separated absolute directories that {@code file} URLs may read from; empty
     *                               refuses file URLs
     */
    public ImageStoreBackupStorageBackend(ImageExports exports, int downloadTimeoutSeconds, String fileUrlRoots) {
        this.exports = exports;
        List<Path> roots = new java.util.ArrayList<>();
        for (String root : fileUrlRoots == null ? new String[0] : fileUrlRoots.split(",")) {
            if (!root.isBlank()) {
                roots.add(Path.of(SafePaths.absolute(root.strip(), "fileUrlRoots entry")));
            }
        }
        this.downloader = new ImageDownloader(Duration.ofSeconds(downloadTimeoutSeconds), roots);
        this.detector = new FormatDetector(new QemuImg(new LocalCommandRunner()));
    }

    @Override public String type() { return TYPE; }

    @Override public AddOperationSpec addOperation() { return ADD_OPERATION; }

    @Override
    public StorageCapacity connect(BackupStorageInventory storage, Map<String, String> properties) throws Exception {
        String hostname = properties.getOrDefault("hostname", "127.0.0.1");
        if (!isThisNode(hostname)) {
            throw new StorageException("the image store must be on the management node: hostname " + hostname
                    + " is not one of its addresses; give 127.0.0.1 and a directory of this node");
        }
        Path images = imagesDir(storage);
        try {
            Files.createDirectories(images);
        } catch (IOException e) {
            throw new StorageException("cannot create the image store directory " + images + " (" + e + "): create it"
                    + " and give the management node's user write access", e);
        }
        if (!Files.isWritable(images)) {
            throw new StorageException("permission denied: the image store directory " + images + " is not writable"
                    + " by the management node's user");
        }
        return capacity(images);
    }

    /** @param dir a directory @return the capacity of its file system */
    static StorageCapacity capacity(Path dir) throws IOException {
        FileStore fs = Files.getFileStore(dir);
        long total = fs.getTotalSpace();
        return new StorageCapacity(total, Math.min(total, fs.getUsableSpace()));
    }

    static boolean isThisNode(String hostname) {
        if (hostname.equals("localhost")) {
            return true;
        }
        try {
            InetAddress address = InetAddress.getByName(hostname);
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path root(BackupStorageInventory storage) {
        return Path.of(SafePaths.absolute(storage.url(), "the image store url"));
    }

    private static Path imagesDir(BackupStorageInventory storage) {
        return root(storage).resolve(IMAGES);
    }

    @Override
    public ImageDownload downloadImage(BackupStorageInventory storage, ImageInventory image, IntConsumer progress)
            throws Exception {
        Path images = imagesDir(storage);
        Files.createDirectories(images);
        String uuid = SafePaths.name(image.uuid());
        Path tmp = images.resolve(uuid + ".tmp");
        ImageDownloader.Downloaded got = downloader.download(image.url(), tmp, progress);
        try {
            FormatDetector.Detected detected = detector.detect(tmp);
            FormatDetector.requireMatch(image.format(), detected.format());
            Path target = images.resolve(uuid + "." + detected.format());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            progress.accept(100);
            LOG.info("image {} stored at {} ({}, {} bytes, md5 {})", uuid, target, detected.format(), got.bytes(), got.md5Sum());
            return new ImageDownload(target.toString(), detected.virtualSize(), Files.size(target), detected.format(),
                    got.md5Sum());
        } catch (Exception e) {
            ImageDownloader.deleteQuietly(tmp);
            throw e;
        }
    }

    /** @return the checked path of an image of this storage */
    private static Path imageFile(BackupStorageInventory storage, String installPath) {
        return Path.of(SafePaths.under(imagesDir(storage).toString(), installPath, "image install path"));
    }

    @Override
    public void deleteImage(BackupStorageInventory storage, String installPath) throws Exception {
        Path file = imageFile(storage, installPath);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        exports.withdraw(dot > 0 ? name.substring(0, dot) : name);
        Files.deleteIfExists(file);
    }

    @Override
    public String exportImage(BackupStorageInventory storage, String installPath, String imageUuid) throws Exception {
        Path file = imageFile(storage, installPath);
        if (!Files.isRegularFile(file)) {
            throw new StorageException("image " + imageUuid + " is not on the image store any more (" + file
                    + "): add it again");
        }
        return exports.export(SafePaths.name(imageUuid), file);
    }

    @Override
    public void deleteExportedImage(BackupStorageInventory storage, String installPath, String imageUuid) {
        exports.withdraw(imageUuid);
    }
}
