package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API audit log and the operation log of a real node: what calls leave behind, queries, and CSV export. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {
    private static final String ADMIN_UUID = "36c27e8ff05c4780bf6d2fa65700f22e";
    private KumoNode node;
    private Rest rest;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("audit").start();
        rest = node.rest().login();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String text(JsonNode n, String field) { return n.hasNonNull(field) ? n.get(field).asText() : null; }

    /** Queries until a row matching the conditions appears (records are written in batches, jobs completed later). */
    private JsonNode awaitOne(String path, java.util.function.Predicate<JsonNode> done, String... conditions) throws Exception {
        List<String> args = new ArrayList<>();
        for (String c : conditions) {
            args.add("q");
            args.add(c);
        }
        long deadline = System.currentTimeMillis() + 20_000;
        Rest.Reply r = null;
        while (System.currentTimeMillis() < deadline) {
            r = rest.get(path, args.toArray(String[]::new));
            assertEquals(200, r.status(), r.toString());
            for (JsonNode row : r.body().path("inventories")) {
                if (done.test(row)) {
                    return row;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no matching row at " + path + " " + List.of(conditions) + ": " + r);
    }

    @Test
    void callsAreAuditedAndLoggedAndExportable() throws Exception {
        String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String zoneUuid = rest.createZone(name, List.of()).path("uuid").asText();

        Rest.Reply bad = rest.post("/zones", Map.of("name", "x".repeat(300)), List.of(), List.of());
        assertEquals(400, bad.status(), bad.toString());
        String session = rest.session();
        rest.useSession(null);
        Rest.Reply anonymous = rest.post("/zones", Map.of("name", "nobody-" + name), List.of(), List.of());
        rest.useSession(session);
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertEquals(200, rest.get("/zones", "q", "name=" + name).status());

        // the create: operator, client, job completed with the zone, duration
        JsonNode created = awaitOne("/audits", row -> "Succeeded".equals(text(row, "result")),
                "operationName=CreateZone", "resourceUuid=" + zoneUuid);
        assertEquals(ADMIN_UUID, text(created, "accountUuid"));
        assertEquals("admin", text(created, "accountName"));
        assertEquals("127.0.0.1", text(created, "clientIp"));
        assertEquals("rest", text(created, "channel"));
        assertEquals("POST /zstack/v1/zones", text(created, "apiName"));
        assertNotNull(text(created, "jobUuid"), "an asynchronous operation");
        assertNotNull(text(created, "finishDate"));
        assertTrue(created.path("duration").asLong(-1) >= 0, created.toString());
        assertEquals("Create zone " + name, text(created, "description"));
        assertTrue(text(created, "requestDump").contains(name));

        // bad input: failure with the validator's code
        JsonNode invalid = awaitOne("/audits", row -> true, "operationName=CreateZone", "errorCode=SYS.1007");
        assertEquals("Failed", text(invalid, "result"));
        assertEquals(ADMIN_UUID, text(invalid, "accountUuid"));
        assertTrue(invalid.path("duration").asLong(-1) >= 0);

        // no session: audited as anonymous
        JsonNode refused = awaitOne("/audits", row -> text(row, "requestDump").contains("nobody-" + name),
                "errorCode=ID.1001");
        assertEquals("Failed", text(refused, "result"));
        assertNull(text(refused, "accountUuid"), "anonymous");
        assertEquals("127.0.0.1", text(refused, "clientIp"));

        // the login: operator known, password never stored
        String passwordHash = Rest.sha512("password");
        JsonNode login = awaitOne("/audits", row -> true, "operationName=LogInByAccount", "result=Succeeded");
        assertEquals("admin", text(login, "accountName"));
        assertEquals(ADMIN_UUID, text(login, "accountUuid"));
        assertTrue(text(login, "requestDump").contains("*****"), text(login, "requestDump"));
        Rest.Reply all = rest.get("/audits", "limit", "1000");
        assertFalse(all.raw().contains(passwordHash), "the password never reaches the audit log");
        assertFalse(all.raw().contains(session), "nor the session");

        // reads are not audited by default (audit.reads=false)
        assertEquals(0, rest.get("/audits", "q", "operationName=QueryZone", "count", "true").body().path("total").asInt(-1));

        // the operation log: the create, described for people; no reads
        JsonNode logged = awaitOne("/operation-logs", row -> "Succeeded".equals(text(row, "result")), "resourceUuid=" + zoneUuid);
        assertEquals("Create zone " + name, text(logged, "description"));
        assertEquals("admin", text(logged, "accountName"));
        assertEquals("127.0.0.1", text(logged, "clientIp"));
        assertNotNull(text(logged, "startDate"));
        assertNotNull(text(logged, "finishDate"));
        assertEquals(0, rest.get("/operation-logs", "q", "operationName=QueryAudit", "count", "true").body().path("total").asInt(-1));

        // CSV export of the audit log, parsed back
        Rest.Reply csv = rest.getAccepting("text/csv", "/audits", "q", "operationName=CreateZone", "sortBy", "startDate");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.headers().getOrDefault("content-type", List.of("")).get(0).startsWith("text/csv"), csv.headers().toString());
        List<List<String>> table = parseCsv(csv.raw());
        List<String> header = table.get(0);
        assertTrue(header.containsAll(List.of("uuid", "operationName", "resourceUuid", "result", "accountName", "clientIp")), header.toString());
        int uuidColumn = header.indexOf("resourceUuid");
        int resultColumn = header.indexOf("result");
        assertTrue(table.size() >= 3, "the create and the refused create: " + table.size());
        assertTrue(table.stream().skip(1).allMatch(row -> row.size() == header.size()), "every row has every column");
        assertTrue(table.stream().skip(1).anyMatch(row -> zoneUuid.equals(row.get(uuidColumn)) && "Succeeded".equals(row.get(resultColumn))),
                "the zone's create is exported");
    }

    /** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
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
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
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
