package io.kumo.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.karaf.shell.support.table.Col;
import org.apache.karaf.shell.support.table.Row;
import org.apache.karaf.shell.support.table.ShellTable;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints operation results for people: {@code inventories} as a table of their scalar fields, {@code inventory} and
 * any other map as field/value rows, {@code total} as {@code Total: N}; or as pretty JSON.
 */
final class ResultPrinter {
    static final String INVENTORIES = "inventories";
    static final String INVENTORY = "inventory";
    static final String TOTAL = "total";
    private static final int MAX_CELL = 60;
    private static final int MAX_VALUE = 100;

    private final ObjectMapper mapper;

    /** @param mapper converts results to maps and prints JSON */
    ResultPrinter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param body a result body, e.g. {@code {"inventories":[...],"total":3}}
     * @param json print pretty JSON instead of tables
     * @param out  where to print
     */
    void print(Map<String, Object> body, boolean json, PrintStream out) {
        if (json) {
            printJson(body == null ? Map.of() : body, out);
        } else {
            printBody(body == null ? Map.of() : body, out);
        }
    }

    /** @param value any value @param out where to print it as indented JSON */
    void printJson(Object value, PrintStream out) {
        try {
            out.println(mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the result as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void printBody(Map<String, Object> body, PrintStream out) {
        Map<String, Object> rest = new LinkedHashMap<>(ShellJson.toMap(mapper, body));
        if (rest.get(INVENTORIES) instanceof List<?> items) {
            rest.remove(INVENTORIES);
            printInventories(items, out);
        }
        if (rest.get(INVENTORY) instanceof Map<?, ?> inventory) {
            rest.remove(INVENTORY);
            printFields(inventory, out);
        }
        boolean hasTotal = rest.containsKey(TOTAL);
        Object total = rest.remove(TOTAL);
        if (!rest.isEmpty()) {
            printFields(rest, out);
        }
        if (hasTotal) {
            out.println("Total: " + cell(total));
        }
    }

    /** @param items inventories (records, beans or maps) @param out where to print them as a table */
    void printInventories(List<?> items, PrintStream out) {
        if (items.isEmpty()) {
            out.println("No results.");
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object item : items) {
            Object plain = ShellJson.toPlain(mapper, item);
            rows.add(plain instanceof Map<?, ?> m ? stringKeys(m) : Map.of("value", cell(plain)));
        }
        List<String> columns = scalarColumns(rows);
        ShellTable table = new ShellTable();
        for (String c : columns) {
            table.column(new Col(c).maxSize(MAX_CELL));
        }
        for (Map<String, Object> row : rows) {
            table.addRow().addContent(columns.stream().map(c -> (Object) cell(row.get(c))).collect(Collectors.toList()));
        }
        table.print(out);
    }

    /** @param fields named values @param out where to print them as field/value rows */
    void printFields(Map<?, ?> fields, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column(new Col("Value").maxSize(MAX_VALUE).wrap());
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            Row row = table.addRow();
            row.addContent(String.valueOf(e.getKey()), cell(ShellJson.toPlain(mapper, e.getValue())));
        }
        table.print(out);
    }

    /** The columns of an inventory table: every field that is a scalar (or null) in all rows, by first appearance. */
    static List<String> scalarColumns(List<Map<String, Object>> rows) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> nested = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                seen.add(e.getKey());
                if (!isScalar(e.getValue())) {
                    nested.add(e.getKey());
                }
            }
        }
        seen.removeAll(nested);
        return List.copyOf(seen);
    }

    static boolean isScalar(Object v) {
        return v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                || v instanceof Character || v instanceof Enum<?>;
    }

    /** @param v a plain value @return how a table cell shows it */
    String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (isScalar(v)) {
            return v.toString();
        }
        if (v instanceof Collection<?> c && c.stream().allMatch(ResultPrinter::isScalar)) {
            return c.stream().map(x -> x == null ? "" : x.toString()).collect(Collectors.joining(", "));
        }
        try {
            return mapper.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return String.valueOf(v);
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
