package io.kumo.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces an inventory to the fields a query selected: the inventory is converted to a map with Jackson (so records,
 * beans and Jackson annotations are honoured) and only the selected keys are kept, in the order asked for. Fields the
 * inventory does not show are left out, so internal attributes of the entity never leak.
 */
final class FieldProjector {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ObjectMapper mapper;

    /** @param mapper the mapper converting inventories to maps */
    FieldProjector(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param inventory an inventory
     * @param fields    the selected fields
     * @return the selected fields of the inventory
     */
    Map<String, Object> project(Object inventory, List<String> fields) {
        Map<String, Object> all = mapper.convertValue(inventory, MAP);
        Map<String, Object> selected = new LinkedHashMap<>();
        for (String field : fields) {
            if (all.containsKey(field)) {
                selected.put(field, all.get(field));
            }
        }
        return selected;
    }
}
