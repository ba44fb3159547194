package io.kumo.storage.qemuimg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code qemu-img info --output=json} tells of an image.
 *
 * @param format          its format, e.g. {@code qcow2} or {@code raw}
 * @param virtualSize     its virtual size in bytes
 * @param actualSize      the bytes it takes on disk
 * @param backingFile     its backing file as recorded, or null
 * @param backingFormat   the backing file's format as recorded, or null
 * @param snapshots       the names of its internal snapshots
 */
public record ImageInfo(String format, long virtualSize, long actualSize, String backingFile, String backingFormat,
                        List<String> snapshots) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Canonical constructor: copies the snapshot names. */
    public ImageInfo {
        snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
    }

    /**
     * @param json the output of {@code qemu-img info --output=json}
     * @return what it says
     * @throws StorageException if it is not such output
     */
    public static ImageInfo parse(String json) throws StorageException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new StorageException("qemu-img info printed something that is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.has("format") || !root.has("virtual-size")) {
            throw new StorageException("qemu-img info printed no format or virtual size: " + json);
        }
        List<String> snapshots = new ArrayList<>();
        for (JsonNode s : root.path("snapshots")) {
            snapshots.add(s.path("name").asText());
        }
        return new ImageInfo(root.path("format").asText(), root.path("virtual-size").asLong(),
                root.path("actual-size").asLong(), text(root, "backing-filename"),
                text(root, "backing-filename-format"), snapshots);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
