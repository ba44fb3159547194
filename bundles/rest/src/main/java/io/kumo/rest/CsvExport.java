package io.kumo.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders query results as RFC 4180 CSV: a header row of the inventories' top-level fields (in the declaration order
 * of the inventory record when known), one row per inventory, nested objects and lists as compact JSON.
 */
final class CsvExport {
    private static final String INVENTORIES = "inventories";
    private static final String CRLF = "\r\n";

    private final ObjectMapper mapper;

    /** @param mapper the mapper inventories are serialized with, so cells look like the JSON reply */
    CsvExport(ObjectMapper mapper) { this.mapper = mapper; }

    /**
     * @param inventoryType the declared inventory type, or null
     * @param body          the reply body of a query
     * @return the CSV text
     * @throws JsonProcessingException if an inventory cannot be serialized
     */
    String render(Class<?> inventoryType, Map<String, Object> body) throws JsonProcessingException {
        List<ObjectNode> rows = new ArrayList<>();
        Object inventories = body.get(INVENTORIES);
        if (inventories instanceof Iterable<?> items) {
            for (Object item : items) {
                rows.add(asRow(item));
            }
        } else if (!body.containsKey(INVENTORIES)) {
            rows.add(asRow(body));
        }
        List<String> columns = columns(inventoryType, rows);
        StringBuilder csv = new StringBuilder();
        if (!columns.isEmpty()) {
            appendRow(csv, columns);
        }
        for (ObjectNode row : rows) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String column : columns) {
                cells.add(cell(row.get(column)));
            }
            appendRow(csv, cells);
        }
        return csv.toString();
    }

    private ObjectNode asRow(Object item) {
        JsonNode node = mapper.valueToTree(item);
        if (node instanceof ObjectNode object) {
            return object;
        }
        ObjectNode wrapper = mapper.createObjectNode();
        wrapper.set("value", node);
        return wrapper;
    }

    private static List<String> columns(Class<?> inventoryType, List<ObjectNode> rows) {
        Set<String> present = new LinkedHashSet<>();
        for (ObjectNode row : rows) {
            row.fieldNames().forEachRemaining(present::add);
        }
        Set<String> columns = new LinkedHashSet<>();
        if (inventoryType != null && inventoryType.isRecord()) {
            for (RecordComponent component : inventoryType.getRecordComponents()) {
                if (rows.isEmpty() || present.contains(component.getName())) {
                    columns.add(component.getName());
                }
            }
        }
        columns.addAll(present);
        return new ArrayList<>(columns);
    }

    private String cell(JsonNode value) throws JsonProcessingException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : mapper.writeValueAsString(value);
    }

    private static void appendRow(StringBuilder csv, List<String> cells) {
        Iterator<String> it = cells.iterator();
        while (it.hasNext()) {
            csv.append(quote(it.next()));
            if (it.hasNext()) {
                csv.append(',');
            }
        }
        csv.append(CRLF);
    }

    /** @param cell a cell @return the cell, quoted with doubled quotes when it holds a comma, quote or newline */
    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
