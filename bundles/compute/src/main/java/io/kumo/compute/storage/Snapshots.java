package io.kumo.compute.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * Copies entities to JSON-compatible maps and back: what a job keeps in its context to restore a deleted row exactly
 * (same uuid, same dates) when a later step fails. Entities are plain beans; dates become epoch millis.
 */
public final class Snapshots {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Snapshots() { }

    /** @param entity a row @return its columns as a map */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Object entity) { return MAPPER.convertValue(entity, Map.class); }

    /** @param snapshot a map from {@link #of} (possibly read back from JSON) @param type the entity class @return the row */
    public static <E> E restore(Object snapshot, Class<E> type) { return MAPPER.convertValue(snapshot, type); }
}
