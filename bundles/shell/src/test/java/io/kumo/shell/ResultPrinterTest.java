package io.kumo.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultPrinterTest {
    record Zone(String uuid, String name, String state, List<String> tags, Timestamp createDate) { }

    record Host(String uuid, String name, Instant lastSeen) { }

    private final ObjectMapper mapper = ShellJson.newMapper();
    private final ResultPrinter printer = new ResultPrinter(mapper);

    private String print(Map<String, Object> body, boolean json) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        printer.print(body, json, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Splits a printed table into trimmed cells per line, whatever the separator. */
    private static List<List<String>> cells(String table) {
        return table.lines()
                .filter(l -> !l.isBlank() && !l.matches("[-─┼+\\s]+"))
                .map(l -> Arrays.stream(l.split("[│|]", -1)).map(String::trim).toList())
                .toList();
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void inventoriesBecomeATableOfTheirScalarFields() {
        Timestamp created = Timestamp.from(Instant.parse("2024-05-06T07:08:09Z"));
        String out = print(body("inventories", List.of(
                new Zone("u1", "zone1", "Enabled", List.of("a"), created),
                new Zone("u2", "zone2", null, List.of(), created)), "total", 2L), false);
        List<List<String>> rows = cells(out);
        assertEquals(List.of("uuid", "name", "state", "createDate"), rows.get(0));
        assertEquals(List.of("u1", "zone1", "Enabled", io.kumo.api.inventory.WireFormat.format(created)), rows.get(1));
        assertEquals(List.of("u2", "zone2", "", io.kumo.api.inventory.WireFormat.format(created)), rows.get(2));
        assertEquals(List.of("Total: 2"), rows.get(3));
        assertFalse(out.contains("tags"));
    }

    @Test
    void inventoriesMayBeMapsWithDifferentFields() {
        Map<String, Object> a = body("uuid", "u1", "name", "n1");
        Map<String, Object> b = body("uuid", "u2", "extra", 5, "nested", Map.of("x", 1));
        List<List<String>> rows = cells(print(body("inventories", List.of(a, b)), false));
        assertEquals(List.of("uuid", "name", "extra"), rows.get(0));
        assertEquals(List.of("u1", "n1", ""), rows.get(1));
        assertEquals(List.of("u2", "", "5"), rows.get(2));
        assertEquals(3, rows.size());
    }

    @Test
    void emptyInventoriesSayNoResults() {
        assertEquals(List.of(List.of("No results."), List.of("Total: 0")),
                cells(print(body("inventories", List.of(), "total", 0), false)));
    }

    @Test
    void inventoryIsAFieldValueTable() {
        List<List<String>> rows = cells(print(body("inventory",
                new Zone("u1", "zone1", "Enabled", List.of("a", "b"), null)), false));
        assertEquals(List.of("Field", "Value"), rows.get(0));
        assertEquals(List.of("uuid", "u1"), rows.get(1));
        assertEquals(List.of("name", "zone1"), rows.get(2));
        assertEquals(List.of("state", "Enabled"), rows.get(3));
        assertEquals(List.of("tags", "a, b"), rows.get(4));
        assertEquals(List.of("createDate", ""), rows.get(5));
    }

    @Test
    void javaTimeValuesPrintAsIsoText() {
        List<List<String>> rows = cells(print(body("inventory",
                new Host("h1", "host1", Instant.parse("2024-01-02T03:04:05Z"))), false));
        assertEquals(List.of("lastSeen", "2024-01-02T03:04:05Z"), rows.get(3));
    }

    @Test
    void totalAloneIsOneLine() {
        assertEquals("Total: 42" + System.lineSeparator(), print(body("total", 42L), false));
    }

    @Test
    void otherMapsAreFieldValueRowsWithNestedValuesAsJson() {
        List<List<String>> rows = cells(print(body("sessionUuid", "s1", "detail", Map.of("k", "v")), false));
        assertEquals(List.of("sessionUuid", "s1"), rows.get(1));
        assertEquals(List.of("detail", "{\"k\":\"v\"}"), rows.get(2));
    }

    @Test
    void emptyResultPrintsNothing() {
        assertEquals("", print(Map.of(), false));
    }

    @Test
    void jsonIsPrettyAndComplete() throws Exception {
        String out = print(body("inventories", List.of(new Zone("u1", "zone1", "Enabled", List.of("a"), null)),
                "total", 1), true);
        assertTrue(out.contains("\n  \"inventories\" : ["), out);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = mapper.readValue(out, Map.class);
        assertEquals(1, back.get("total"));
        assertEquals(List.of(body("uuid", "u1", "name", "zone1", "state", "Enabled", "tags", List.of("a"), "createDate", null)),
                back.get("inventories"));
    }
}
