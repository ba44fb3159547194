package io.kumo.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.Submission;
import io.kumo.api.zone.ZoneInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvAndOpenApiTest {
    private RestTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RestTestServer();
        server.authentication.addSession(RestTestServer.SESSION,
                new Caller("acc", "alice", null, null, false, "rest", null));
        TestOperations.zoneOperations().forEach(d -> server.registry.add(TestOperations.of(d)));
        Timestamp t = Timestamp.valueOf(LocalDateTime.of(2026, 11, 21, 15, 4, 5));
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("uuid", "z3");
        raw.put("name", "raw");
        raw.put("tags", List.of("a", "b"));
        server.operations.answer(c -> new Submission(OperationResult.inventories(List.of(
                new ZoneInventory("z1", "zone, \"one\"", null, "Enabled", "zstack", true, t, t),
                new ZoneInventory("z2", "multi\nline", "second", "Disabled", "zstack", false, t, t),
                raw), 3L), null));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void acceptTextCsvExportsTheInventories() throws Exception {
        HttpResponse<String> r = server.send(server.authorized("/zstack/v1/zones?q=state=Enabled")
                .header("Accept", "text/csv").GET());

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElse("").toLowerCase());
        List<List<String>> rows = parseCsv(r.body());
        assertEquals(List.of("uuid", "name", "description", "state", "type", "isDefault", "createDate",
                "lastOpDate", "tags"), rows.get(0));
        assertEquals(4, rows.size());
        assertEquals(List.of("z1", "zone, \"one\"", "", "Enabled", "zstack", "true", "Nov 21, 2026 3:04:05 PM",
                "Nov 21, 2026 3:04:05 PM", ""), rows.get(1));
        assertEquals("multi\nline", rows.get(2).get(1));
        assertEquals("second", rows.get(2).get(2));
        assertEquals("[\"a\",\"b\"]", rows.get(3).get(8));
        assertTrue(r.body().endsWith("\r\n"));
    }

    @Test
    void formatCsvIsRemovedBeforeDispatch() throws Exception {
        HttpResponse<String> r = server.get("/zstack/v1/zones?format=csv&limit=5");

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals(Map.of("limit", "5"), server.operations.lastCall().params());
        assertEquals(4, parseCsv(r.body()).size());

        HttpResponse<String> json = server.get("/zstack/v1/zones?format=json");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(400, server.get("/zstack/v1/zones?format=xml").statusCode());
    }

    @Test
    void jsonPreferredOverCsvWhenRankedHigher() throws Exception {
        HttpResponse<String> r = server.send(server.authorized("/zstack/v1/zones")
                .header("Accept", "application/json, text/csv;q=0.5").GET());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void openApiIsPublicAndDescribesEveryRoute() throws Exception {
        HttpResponse<String> r = server.send(server.request("/zstack/v1/openapi.json").GET());

        assertEquals(200, r.statusCode(), r.body());
        JsonNode doc = server.parse(r);
        assertEquals("3.0.3", doc.path("openapi").asText());
        assertEquals("9.9.9-test", doc.path("info").path("version").asText());
        JsonNode paths = doc.path("paths");
        for (String p : List.of("/zones", "/zones/{uuid}", "/zones/{uuid}/actions", "/accounts/login",
                "/api-jobs/{id}")) {
            assertTrue(paths.has(p), "missing path " + p);
        }
        Set<String> ids = new HashSet<>();
        paths.forEach(item -> item.forEach(op -> ids.add(op.path("operationId").asText())));
        assertTrue(ids.containsAll(List.of("QueryZone", "QueryZoneByUuid", "CreateZone", "DeleteZone",
                "LogInByAccount", "ChangeZoneState_UpdateZone", "GetApiJob")), ids.toString());

        JsonNode create = paths.path("/zones").path("post");
        assertEquals("Create a zone", create.path("summary").asText());
        JsonNode params = create.path("requestBody").path("content").path("application/json").path("schema")
                .path("properties").path("params");
        assertEquals("name", params.path("required").get(0).asText());
        assertEquals(255, params.path("properties").path("name").path("maxLength").asInt());
        assertEquals("#/components/schemas/ApiJobLocation",
                create.path("responses").path("202").path("content").path("application/json")
                        .path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/ErrorReply",
                create.path("responses").path("400").path("content").path("application/json")
                        .path("schema").path("$ref").asText());

        JsonNode query = paths.path("/zones").path("get");
        JsonNode limit = findParameter(query, "limit");
        assertEquals("integer", limit.path("schema").path("type").asText());
        assertEquals(100000, limit.path("schema").path("maximum").asInt());
        assertEquals("array", findParameter(query, "q").path("schema").path("type").asText());
        JsonNode direction = findParameter(query, "sortDirection").path("schema").path("enum");
        assertEquals("asc", direction.get(0).asText());

        JsonNode deleteMode = findParameter(paths.path("/zones/{uuid}").path("delete"), "deleteMode");
        assertEquals("Permissive", deleteMode.path("schema").path("default").asText());
        assertEquals("path", findParameter(paths.path("/zones/{uuid}").path("delete"), "uuid").path("in").asText());

        JsonNode login = paths.path("/accounts/login").path("put");
        assertEquals(0, login.path("security").size(), "login needs no session");
        assertEquals("password", login.path("requestBody").path("content").path("application/json").path("schema")
                .path("properties").path("logInByAccount").path("properties").path("password").path("format")
                .asText());

        JsonNode actions = paths.path("/zones/{uuid}/actions").path("put").path("requestBody").path("content")
                .path("application/json").path("schema").path("oneOf");
        assertEquals(2, actions.size());

        JsonNode zone = doc.path("components").path("schemas").path("ZoneInventory").path("properties");
        assertEquals("date-time", zone.path("createDate").path("format").asText());
        assertEquals("boolean", zone.path("isDefault").path("type").asText());
        assertEquals("#/components/schemas/ZoneInventory", query.path("responses").path("200").path("content")
                .path("application/json").path("schema").path("properties").path("inventories").path("items")
                .path("$ref").asText());
        assertFalse(doc.path("components").path("schemas").path("Error").isMissingNode());
    }

    private static JsonNode findParameter(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    /** A strict RFC 4180 reader, to check what clients will parse. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
