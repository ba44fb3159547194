package io.kumo.storage.imagestore;

import io.kumo.storage.qemuimg.ImageInfo;
import io.kumo.storage.qemuimg.QemuImg;
import io.kumo.storage.qemuimg.StorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds the format of a downloaded image: {@code iso} when it carries the ISO 9660 signature ({@code CD001} at byte
 * 0x8001), else what {@code qemu-img info} reads ({@code qcow2} or {@code raw}). Images in other formats, and qcow2
 * images with a backing file (which could point anywhere on the node), are refused.
 */
public class FormatDetector {
    private static final long ISO_SIGNATURE_OFFSET = 0x8001;
    private static final byte[] ISO_SIGNATURE = "CD001".getBytes(StandardCharsets.US_ASCII);

    private final QemuImg qemu;

    /** @param qemu qemu-img on the management node */
    public FormatDetector(QemuImg qemu) {
        this.qemu = qemu;
    }

    /**
     * The detected format and sizes of an image.
     *
     * @param format      {@code qcow2}, {@code raw} or {@code iso}
     * @param virtualSize its virtual size in bytes
     */
    public record Detected(String format, long virtualSize) { }

    /**
     * @param file a downloaded image
     * @return its format and virtual size
     * @throws StorageException if it is of an unsupported format or has a backing file
     */
    public Detected detect(Path file) throws StorageException {
        ImageInfo info = qemu.info(file.toString());
        if (info.backingFile() != null) {
            throw new StorageException("the image has a backing file (" + info.backingFile() + "): upload a standalone"
                    + " image (qemu-img convert -O qcow2 it into one)");
        }
        if ("raw".equals(info.format()) && isIso(file)) {
            return new Detected("iso", info.virtualSize());
        }
        if (!QemuImg.FORMATS.contains(info.format())) {
            throw new StorageException("the image is in " + info.format() + " format, which Kumo does not run: convert"
                    + " it to qcow2 (qemu-img convert -O qcow2) and add it again");
        }
        return new Detected(info.format(), info.virtualSize());
    }

    /** @param file a file @return whether it carries the ISO 9660 signature */
    static boolean isIso(Path file) throws StorageException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < ISO_SIGNATURE_OFFSET + ISO_SIGNATURE.length) {
                return false;
            }
            ByteBuffer buf = ByteBuffer.allocate(ISO_SIGNATURE.length);
            while (buf.hasRemaining() && ch.read(buf, ISO_SIGNATURE_OFFSET + buf.position()) > 0) {
                // read fully
            }
            return java.util.Arrays.equals(buf.array(), ISO_SIGNATURE);
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the declared format against the detected one, as ZStack's image store does: a declared format that the
     * bytes contradict is refused (nothing is converted behind the user's back).
     *
     * @param declared the format the image was added with, or null
     * @param detected what the bytes are
     * @throws StorageException if they differ
     */
    public static void requireMatch(String declared, String detected) throws StorageException {
        if (declared == null || declared.isBlank() || declared.equals(detected)) {
            return;
        }
        throw new StorageException("the image was declared " + declared + " but its content is " + detected
                + ": add it again with format " + detected + " (or convert it to " + declared + " first)");
    }
}
