package io.kumo.storage.qemuimg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code qemu-img} on one host, through a {@link CommandRunner}: every image operation of the KVM storage plugins.
 * Paths are checked with {@link SafePaths} before they reach a command.
 */
public class QemuImg {
    /** The formats Kumo creates and reads. */
    public static final Set<String> FORMATS = Set.of("qcow2", "raw");

    private final CommandRunner runner;

    /** @param runner where qemu-img runs */
    public QemuImg(CommandRunner runner) {
        this.runner = runner;
    }

    /** @return where qemu-img runs */
    public CommandRunner runner() {
        return runner;
    }

    /**
     * @param path an image
     * @return what qemu-img reads in it
     * @throws StorageException if it is missing or unreadable
     */
    public ImageInfo info(String path) throws StorageException {
        return ImageInfo.parse(runner.check(List.of("qemu-img", "info", "--output=json", "-U",
                SafePaths.absolute(path, "image path"))).stdout());
    }

    /**
     * Creates an empty image.
     *
     * @param path   the new image
     * @param format {@code qcow2} or {@code raw}
     * @param size   its virtual size in bytes
     * @throws StorageException on failure
     */
    public void create(String path, String format, long size) throws StorageException {
        runner.check(List.of("qemu-img", "create", "-q", "-f", format(format), SafePaths.absolute(path, "image path"),
                Long.toString(positive(size))));
    }

    /**
     * Creates a qcow2 overlay on a backing image: writes go to the overlay, the backing image stays untouched.
     *
     * @param path          the new overlay
     * @param backing       the backing image (absolute path, recorded in the overlay)
     * @param backingFormat its format
     * @param size          the overlay's virtual size, or 0 for the backing image's
     * @throws StorageException on failure
     */
    public void createOverlay(String path, String backing, String backingFormat, long size) throws StorageException {
        List<String> cmd = new ArrayList<>(List.of("qemu-img", "create", "-q", "-f", "qcow2",
                "-b", SafePaths.absolute(backing, "backing image path"), "-F", format(backingFormat),
                SafePaths.absolute(path, "image path")));
        if (size > 0) {
            cmd.add(Long.toString(size));
        }
        runner.check(cmd);
    }

    /**
     * Grows an image.
     *
     * @param path an image
     * @param size its new virtual size in bytes, not smaller than the current one
     * @throws StorageException on failure, or if that would shrink it
     */
    public void resize(String path, long size) throws StorageException {
        ImageInfo info = info(path);
        if (size < info.virtualSize()) {
            throw new StorageException("volumes never shrink: " + path + " is " + info.virtualSize() + " bytes, "
                    + size + " asked; give a size of at least " + info.virtualSize());
        }
        if (size == info.virtualSize()) {
            return;
        }
        runner.check(List.of("qemu-img", "resize", "-q", "-f", info.format(), SafePaths.absolute(path, "image path"),
                Long.toString(size)));
    }

    /** @param path a qcow2 image @param name the new internal snapshot @throws StorageException on failure */
    public void snapshotCreate(String path, String name) throws StorageException {
        snapshot("-c", path, name);
    }

    /** @param path a qcow2 image @param name an internal snapshot to go back to @throws StorageException on failure */
    public void snapshotApply(String path, String name) throws StorageException {
        snapshot("-a", path, name);
    }

    /** @param path a qcow2 image @param name an internal snapshot to delete @throws StorageException on failure */
    public void snapshotDelete(String path, String name) throws StorageException {
        snapshot("-d", path, name);
    }

    private void snapshot(String action, String path, String name) throws StorageException {
        runner.check(List.of("qemu-img", "snapshot", action, SafePaths.name(name), SafePaths.absolute(path, "image path")));
    }

    /**
     * Copies an image into another format.
     *
     * @param source       the image
     * @param sourceFormat its format
     * @param target       the new image
     * @param targetFormat the new image's format
     * @throws StorageException on failure
     */
    public void convert(String source, String sourceFormat, String target, String targetFormat) throws StorageException {
        runner.check(List.of("qemu-img", "convert", "-f", format(sourceFormat), "-O", format(targetFormat),
                SafePaths.absolute(source, "image path"), SafePaths.absolute(target, "image path")));
    }

    /**
     * @param path a qcow2 image
     * @return null if it is consistent, else what qemu-img check reports
     * @throws StorageException if it cannot be checked
     */
    public String check(String path) throws StorageException {
        CommandResult r = runner.run(List.of("qemu-img", "check", "-q", SafePaths.absolute(path, "image path")), null,
                CommandRunner.DEFAULT_TIMEOUT);
        if (r.ok()) {
            return null;
        }
        if (r.exitCode() == 2 || r.exitCode() == 3) {
            return (r.stdout() + r.stderr()).strip();
        }
        throw CommandErrors.explain(runner.where(), List.of("qemu-img", "check"), r);
    }

    private static String format(String format) {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("unsupported image format " + format + ": use qcow2 or raw");
        }
        return format;
    }

    private static long positive(long size) {
        if (size <= 0) {
            throw new IllegalArgumentException("an image needs a size > 0 bytes, not " + size);
        }
        return size;
    }
}
