package io.kumo.compute.network;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * Rows as JSON-compatible maps (columns by field name, dates as epoch millis): what a job keeps to restore deleted
 * rows exactly, with the same uuids and dates. Relationship fields are marked {@code @JsonIgnore} in the entities.
 */
public final class Snapshots {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Snapshots() { }

    /** @param row an entity @return its columns */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Object row) { return MAPPER.convertValue(row, Map.class); }

    /** @param rows entities @return their columns */
    public static List<Map<String, Object>> ofAll(List<?> rows) { return rows.stream().map(Snapshots::of).toList(); }

    /** @param snapshot a snapshot (possibly read back from JSON) @param type the entity class @return the row */
    public static <T> T restore(Object snapshot, Class<T> type) { return MAPPER.convertValue(snapshot, type); }

    /** @param snapshots a list of snapshots, or null @param type the entity class @return the rows */
    public static <T> List<T> restoreAll(Object snapshots, Class<T> type) {
        return snapshots instanceof List<?> l ? l.stream().map(s -> restore(s, type)).toList() : List.of();
    }
}
