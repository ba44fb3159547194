package io.kumo.api.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operation returns, in ZStack's shapes: {@code {"inventory":{...}}}, {@code {"inventories":[...],"total":N}},
 * {@code {}} or a map of named fields.
 *
 * @param body the top-level JSON object of the reply
 */
public record OperationResult(Map<String, Object> body) {

    /** Canonical constructor: keeps insertion order. */
    public OperationResult {
        body = body == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** @return an empty result ({@code {}}) */
    public static OperationResult empty() { return new OperationResult(Map.of()); }

    /** @param inventory the resource @return {@code {"inventory": inventory}} */
    public static OperationResult inventory(Object inventory) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inventory", inventory);
        return new OperationResult(m);
    }

    /**
     * @param inventories the page of resources
     * @param total       the total count, or null when not asked for
     * @return {@code {"inventories": [...], "total": N}}
     */
    public static OperationResult inventories(List<?> inventories, Long total) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inventories", inventories);
        if (total != null) {
            m.put("total", total);
        }
        return new OperationResult(m);
    }

    /** @param fields named fields @return a result with those fields at the top level */
    public static OperationResult of(Map<String, Object> fields) { return new OperationResult(fields); }
}
