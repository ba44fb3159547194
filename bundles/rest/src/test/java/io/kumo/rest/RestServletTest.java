package io.kumo.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kumo.api.error.ApiError;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.JobInventory;
import io.kumo.api.job.JobState;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.Submission;
import io.kumo.api.zone.ZoneInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestServletTest {
    private static final Caller ADMIN = new Caller(Caller.ADMIN_ACCOUNT_UUID, "admin", null, null, true, "rest", null);

    private RestTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RestTestServer();
        server.authentication.addSession(RestTestServer.SESSION, ADMIN);
        TestOperations.zoneOperations().forEach(d -> server.registry.add(TestOperations.of(d)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static ZoneInventory zone(String uuid, String name, String description) {
        Timestamp t = Timestamp.valueOf(LocalDateTime.of(2026, 11, 21, 11, 16, 49));
        return new ZoneInventory(uuid, name, description, "Enabled", "zstack", false, t, t);
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"code\":\"" + code + "\""), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    // ---- GET / query

    @Test
    void queryTakesRepeatedNamesAsListsAndSingleNamesAsStrings() throws Exception {
        server.operations.answer(c -> new Submission(
                OperationResult.inventories(List.of(zone("z1", "zone1", null)), 1L), null));

        HttpResponse<String> r = server.get("/zstack/v1/zones?q=name=zone1&q=state=Enabled&limit=10&sortBy=name");

        assertEquals(200, r.statusCode(), r.body());
        FakeOperationService.Call call = server.operations.lastCall();
        assertEquals("QueryZone", call.operation());
        assertEquals(List.of("name=zone1", "state=Enabled"), call.params().get("q"));
        assertEquals("10", call.params().get("limit"));
        assertEquals("name", call.params().get("sortBy"));
        JsonNode body = server.parse(r);
        assertEquals("zone1", body.path("inventories").get(0).path("name").asText());
        assertEquals(1, body.path("total").asInt());
    }

    @Test
    void queryStringValuesAreUrlDecodedAndKeepEqualsSigns() throws Exception {
        server.get("/zstack/v1/zones?q=name%3Dmy%20zone&q=description~=%25web%25&q=uuid?=a,b&fields=uuid,name");

        Map<String, Object> params = server.operations.lastCall().params();
        assertEquals(List.of("name=my zone", "description~=%web%", "uuid?=a,b"), params.get("q"));
        assertEquals(List.of("uuid,name"), params.get("fields"), "the query service splits fields");
    }

    @Test
    void singleConditionIsStillAList() throws Exception {
        server.get("/zstack/v1/zones?q=name=a");

        assertEquals(List.of("name=a"), server.operations.lastCall().params().get("q"));
    }

    @Test
    void getByUuidAddsAUuidConditionToTheQuery() throws Exception {
        server.operations.answer(c -> new Submission(OperationResult.inventories(List.of(), null), null));

        HttpResponse<String> r = server.get("/zstack/v1/zones/0a1b2c?q=state=Enabled");

        assertEquals(200, r.statusCode(), r.body());
        FakeOperationService.Call call = server.operations.lastCall();
        assertEquals("QueryZone", call.operation());
        assertEquals(List.of("state=Enabled", "uuid=0a1b2c"), call.params().get("q"));
        assertFalse(call.params().containsKey("uuid"));
    }

    @Test
    void syncResultIsWrittenWithZStackDatesAndWithoutNulls() throws Exception {
        server.operations.answer(c -> new Submission(OperationResult.inventory(zone("z1", "zone1", null)), null));

        HttpResponse<String> r = server.get("/zstack/v1/zones/z1");

        assertEquals(200, r.statusCode());
        JsonNode inventory = server.parse(r).path("inventory");
        assertEquals("Nov 21, 2026 11:16:49 AM", inventory.path("createDate").asText());
        assertFalse(inventory.has("description"), r.body());
        assertFalse(inventory.path("isDefault").asBoolean(true));
    }

    // ---- POST

    @Test
    void postTakesParamsAndTagsAndAnswersAsyncWithTheJobLocation() throws Exception {
        server.operations.answer(c -> new Submission(null, "job-1"));

        HttpResponse<String> r = server.sendJson("POST", "/zstack/v1/zones",
                "{\"params\":{\"name\":\"zone1\",\"isDefault\":true,\"nested\":{\"a\":[1,2]}},"
                        + "\"systemTags\":[\"a::b\"],\"userTags\":[\"web\"]}");

        assertEquals(202, r.statusCode(), r.body());
        assertEquals("http://127.0.0.1:" + server.port() + "/zstack/v1/api-jobs/job-1",
                server.parse(r).path("location").asText());
        FakeOperationService.Call call = server.operations.lastCall();
        assertEquals("CreateZone", call.operation());
        assertEquals("zone1", call.params().get("name"));
        assertEquals(Boolean.TRUE, call.params().get("isDefault"));
        assertEquals(Map.of("a", List.of(1, 2)), call.params().get("nested"));
        assertEquals(List.of("a::b"), call.systemTags());
        assertEquals(List.of("web"), call.userTags());
        assertEquals(RestTestServer.SESSION, call.caller().sessionUuid());
        assertEquals("rest", call.caller().channel());
        assertEquals("127.0.0.1", call.caller().clientIp());
    }

    @Test
    void postWithoutParamsIsRejectedWithTheExpectedShape() throws Exception {
        HttpResponse<String> r = server.sendJson("POST", "/zstack/v1/zones", "{\"name\":\"zone1\"}");
        assertError(r, 400, "SYS.1003");
        assertTrue(r.body().contains("params"), r.body());

        HttpResponse<String> missing = server.sendJson("POST", "/zstack/v1/zones", "{\"systemTags\":[]}");
        assertError(missing, 400, "SYS.1003");
        assertTrue(missing.body().contains("no \\\"params\\\" object"), missing.body());

        HttpResponse<String> notObject = server.sendJson("POST", "/zstack/v1/zones", "{\"params\":[1]}");
        assertError(notObject, 400, "SYS.1003");
        assertTrue(server.operations.calls().isEmpty());
    }

    @Test
    void tagsMustBeListsOfStrings() throws Exception {
        HttpResponse<String> r = server.sendJson("POST", "/zstack/v1/zones",
                "{\"params\":{\"name\":\"a\"},\"systemTags\":\"x\"}");
        assertError(r, 400, "SYS.1007");
        assertTrue(server.operations.calls().isEmpty());
    }

    // ---- PUT

    @Test
    void putDispatchesOnTheActionKeyAndBindsPathVariables() throws Exception {
        server.sendJson("PUT", "/zstack/v1/zones/z-1/actions", "{\"changeZoneState\":{\"stateEvent\":\"disable\"}}");
        FakeOperationService.Call change = server.operations.lastCall();
        assertEquals("ChangeZoneState", change.operation());
        assertEquals(Map.of("stateEvent", "disable", "uuid", "z-1"), change.params());

        server.sendJson("PUT", "/zstack/v1/zones/z-2/actions",
                "{\"updateZone\":{\"name\":\"renamed\",\"uuid\":\"ignored\"},\"systemTags\":[\"t\"]}");
        FakeOperationService.Call update = server.operations.lastCall();
        assertEquals("UpdateZone", update.operation());
        assertEquals("renamed", update.params().get("name"));
        assertEquals("z-2", update.params().get("uuid"), "the path variable wins over the body");
        assertEquals(List.of("t"), update.systemTags());
    }

    @Test
    void putWithAnUnknownKeyListsTheValidKeys() throws Exception {
        HttpResponse<String> r = server.sendJson("PUT", "/zstack/v1/zones/z-1/actions", "{\"explode\":{}}");

        assertError(r, 400, "SYS.1003");
        assertTrue(r.body().contains("changeZoneState, updateZone"), r.body());
        assertTrue(server.operations.calls().isEmpty());
    }

    @Test
    void putWithTwoActionKeysIsRejected() throws Exception {
        HttpResponse<String> r = server.sendJson("PUT", "/zstack/v1/zones/z-1/actions",
                "{\"updateZone\":{},\"changeZoneState\":{}}");

        assertError(r, 400, "SYS.1003");
        assertTrue(r.body().contains("exactly one action key"), r.body());
    }

    // ---- DELETE

    @Test
    void deleteTakesParamsFromTheQueryStringAndThePath() throws Exception {
        server.operations.answer(c -> new Submission(null, "job-9"));

        HttpResponse<String> r = server.send(server.authorized("/zstack/v1/zones/z-3?deleteMode=Enforcing").DELETE());

        assertEquals(202, r.statusCode(), r.body());
        FakeOperationService.Call call = server.operations.lastCall();
        assertEquals("DeleteZone", call.operation());
        assertEquals(Map.of("deleteMode", "Enforcing", "uuid", "z-3"), call.params());
    }

    // ---- API jobs

    private static JobInventory job(String id, JobState state, Map<String, Object> result, ApiError error) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        return new JobInventory(id, "CreateZone", "z1", state, 40, "create-zone-vo", null, "node-1",
                result, error, now, now);
    }

    @Test
    void runningJobAnswers202WithLocationAndProgress() throws Exception {
        server.jobs.put(job("job-2", JobState.Running, null, null));

        HttpResponse<String> r = server.get("/zstack/v1/api-jobs/job-2");

        assertEquals(202, r.statusCode(), r.body());
        JsonNode body = server.parse(r);
        assertEquals("http://127.0.0.1:" + server.port() + "/zstack/v1/api-jobs/job-2", body.path("location").asText());
        assertEquals("Running", body.path("state").asText());
        assertEquals(40, body.path("progress").asInt());
        assertEquals("create-zone-vo", body.path("currentStep").asText());
    }

    @Test
    void succeededJobAnswers200WithItsResult() throws Exception {
        server.jobs.put(job("job-3", JobState.Succeeded, Map.of("inventory", Map.of("uuid", "z1")), null));

        HttpResponse<String> r = server.get("/zstack/v1/api-jobs/job-3");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("z1", server.parse(r).path("inventory").path("uuid").asText());
    }

    @Test
    void failedJobAnswers503WithItsError() throws Exception {
        ApiError error = ApiError.of(ErrorCode.OPERATION_FAILED, "step create-zone-vo failed: disk full");
        server.jobs.put(job("job-4", JobState.Failed, null, error));

        HttpResponse<String> r = server.get("/zstack/v1/api-jobs/job-4");

        assertEquals(503, r.statusCode(), r.body());
        JsonNode e = server.parse(r).path("error");
        assertEquals("SYS.1001", e.path("code").asText());
        assertEquals("step create-zone-vo failed: disk full", e.path("details").asText());
    }

    @Test
    void unknownJobAnswers404AndJobsNeedASession() throws Exception {
        assertError(server.get("/zstack/v1/api-jobs/nope"), 404, "SYS.1012");
        server.jobs.put(job("job-5", JobState.Running, null, null));
        assertError(server.send(server.request("/zstack/v1/api-jobs/job-5").GET()), 401, "ID.1001");
    }

    @Test
    void jobLocationUsesTheHostHeaderTheClientSent() throws Exception {
        server.operations.answer(c -> new Submission(null, "job-6"));
        String body = "{\"params\":{\"name\":\"z\"}}";
        String request = "POST /zstack/v1/zones HTTP/1.1\r\n"
                + "Host: cloud.example.com:9443\r\n"
                + "Authorization: OAuth " + RestTestServer.SESSION + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Connection: close\r\n\r\n" + body;
        String response;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(response.startsWith("HTTP/1.1 202"), response);
        assertTrue(response.contains("\"location\":\"http://cloud.example.com:9443/zstack/v1/api-jobs/job-6\""),
                response);
    }

    // ---- authentication

    @Test
    void nonPublicOperationWithoutSessionIs401WithAHint() throws Exception {
        // the kernel refuses anonymous callers of non-public operations (and audits the refusal): REST hands them on
        server.operations.answer(call -> {
            if (call.caller().isAnonymous()) {
                throw new io.kumo.api.error.ApiException(io.kumo.api.error.ErrorCode.UNAUTHENTICATED,
                        call.operation() + " needs a session: log in with PUT /zstack/v1/accounts/login");
            }
            return new io.kumo.api.operation.Submission(io.kumo.api.operation.OperationResult.empty(), null);
        });
        HttpResponse<String> r = server.send(server.request("/zstack/v1/zones").GET());

        assertError(r, 401, "ID.1001");
        assertTrue(r.body().contains("PUT /zstack/v1/accounts/login"), r.body());
        assertTrue(server.operations.lastCall().caller().isAnonymous(), "the call reached the operation service");
    }

    @Test
    void malformedOrUnknownSessionsAre401() throws Exception {
        assertError(server.send(server.request("/zstack/v1/zones").header("Authorization", "Bearer abc").GET()),
                401, "ID.1001");
        assertError(server.send(server.request("/zstack/v1/zones").header("Authorization", "OAuth").GET()),
                401, "ID.1001");
        HttpResponse<String> unknown = server.send(server.request("/zstack/v1/zones")
                .header("Authorization", "OAuth 00000000000000000000000000000000").GET());
        assertError(unknown, 401, "ID.1001");
        assertTrue(unknown.body().contains("session expired"), unknown.body());
        assertTrue(server.operations.calls().isEmpty());
    }

    @Test
    void publicOperationIsCalledAnonymously() throws Exception {
        server.operations.answer(c -> new Submission(OperationResult.inventory(Map.of("uuid", "session-1")), null));

        HttpResponse<String> r = server.send(server.request("/zstack/v1/accounts/login")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"logInByAccount\":{\"accountName\":\"admin\",\"password\":\"secret\"}}")));

        assertEquals(200, r.statusCode(), r.body());
        FakeOperationService.Call call = server.operations.lastCall();
        assertEquals("LogInByAccount", call.operation());
        assertTrue(call.caller().isAnonymous());
        assertEquals("rest", call.caller().channel());
        assertEquals("session-1", server.parse(r).path("inventory").path("uuid").asText());
    }

    // ---- malformed requests

    @Test
    void malformedJsonSaysWhereWithoutJavaNames() throws Exception {
        HttpResponse<String> r = server.sendJson("POST", "/zstack/v1/zones", "{\"params\":\n{\"name\": }}");

        assertError(r, 400, "SYS.1003");
        String details = server.parse(r).path("error").path("details").asText();
        assertTrue(details.contains("line 2, column"), details);
        assertNoJavaInternals(r.body());

        HttpResponse<String> truncated = server.sendJson("POST", "/zstack/v1/zones", "{\"params\":{\"name\":\"a\"");
        assertError(truncated, 400, "SYS.1003");
        assertNoJavaInternals(truncated.body());

        HttpResponse<String> duplicate = server.sendJson("POST", "/zstack/v1/zones", "{\"params\":{},\"params\":{}}");
        assertError(duplicate, 400, "SYS.1003");
        assertNoJavaInternals(duplicate.body());
    }

    private static void assertNoJavaInternals(String body) {
        for (String leak : List.of("com.fasterxml", "java.", "Exception", "\tat ", "StreamReadFeature", "Source:")) {
            assertFalse(body.contains(leak), "leaks '" + leak + "': " + body);
        }
    }

    @Test
    void bodyMustBeAJsonObjectOfJsonContentType() throws Exception {
        assertError(server.sendJson("POST", "/zstack/v1/zones", "[1,2]"), 400, "SYS.1003");
        assertError(server.sendJson("POST", "/zstack/v1/zones", ""), 400, "SYS.1003");
        assertError(server.send(server.authorized("/zstack/v1/zones").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{}}"))), 415, "REST.1002");
        assertTrue(server.operations.calls().isEmpty());

        HttpResponse<String> noType = server.send(server.authorized("/zstack/v1/zones")
                .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{\"name\":\"a\"}}")));
        assertEquals(200, noType.statusCode(), noType.body());
        HttpResponse<String> withCharset = server.send(server.authorized("/zstack/v1/zones")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"params\":{\"name\":\"a\"}}")));
        assertEquals(200, withCharset.statusCode(), withCharset.body());
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String big = "{\"params\":{\"name\":\"" + "x".repeat((int) RestTestServer.MAX_BODY) + "\"}}";
        HttpResponse<String> declared = server.sendJson("POST", "/zstack/v1/zones", big);
        assertError(declared, 413, "REST.1001");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = server.send(server.authorized("/zstack/v1/zones")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        assertError(chunked, 413, "REST.1001");
        assertTrue(server.operations.calls().isEmpty());
    }

    // ---- routing errors

    @Test
    void unknownPathIs404AndKnownPathWithAnotherMethodIs405() throws Exception {
        assertError(server.get("/zstack/v1/clusters"), 404, "SYS.1004");
        assertError(server.get("/zstack/v1/zones/z1/nothing"), 404, "SYS.1004");
        assertError(server.get("/zstack/v2/zones"), 404, "SYS.1004");

        HttpResponse<String> r = server.send(server.authorized("/zstack/v1/zones").DELETE());
        assertError(r, 405, "SYS.1005");
        assertEquals("GET, POST", r.headers().firstValue("Allow").orElse(""));

        HttpResponse<String> patch = server.send(server.authorized("/zstack/v1/zones/z1")
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertError(patch, 405, "SYS.1005");
        assertEquals("DELETE, GET", patch.headers().firstValue("Allow").orElse(""));
    }

    // ---- failures inside operations

    @Test
    void apiExceptionsKeepTheirStatusAndCode() throws Exception {
        server.operations.answer(c -> {
            throw ApiException.invalidArgument("parameter 'stateEvent' must be one of [enable, disable]");
        });

        HttpResponse<String> r = server.sendJson("PUT", "/zstack/v1/zones/z1/actions",
                "{\"changeZoneState\":{\"stateEvent\":\"wobble\"}}");

        assertError(r, 400, "SYS.1007");
        assertEquals("parameter 'stateEvent' must be one of [enable, disable]",
                server.parse(r).path("error").path("details").asText());
    }

    @Test
    void unexpectedExceptionIs500WithAnIdAndNoTrace() throws Exception {
        server.operations.answer(c -> {
            throw new IllegalStateException("database connection pool exhausted at com.example.Pool");
        });

        HttpResponse<String> r = server.get("/zstack/v1/zones");

        assertError(r, 500, "SYS.1000");
        String details = server.parse(r).path("error").path("details").asText();
        assertTrue(details.matches("internal error [0-9a-f]{12}; see the management node log"), details);
        assertFalse(r.body().contains("IllegalStateException"), r.body());
        assertFalse(r.body().contains("pool"), r.body());
        assertFalse(r.body().contains("at io.kumo"), r.body());
        String id = details.substring("internal error ".length(), "internal error ".length() + 12);
        String log = Files.readString(Path.of("target/rest-test.log"));
        assertTrue(log.contains("internal error " + id + " serving GET /zstack/v1/zones"), log);
        assertTrue(log.contains("database connection pool exhausted"), "the log keeps the cause");
    }

    @Test
    void unserializableResultIs500() throws Exception {
        server.operations.answer(c -> new Submission(OperationResult.of(Map.of("x", new SelfReferencing())), null));

        HttpResponse<String> r = server.get("/zstack/v1/zones");

        assertError(r, 500, "SYS.1000");
        assertFalse(r.body().contains("Exception"), r.body());
    }

    /** A bean Jackson refuses to write: it refers to itself. */
    public static final class SelfReferencing {
        public SelfReferencing getSelf() { return this; }
    }

    // ---- index and dynamic routes

    @Test
    void indexNamesTheApiAndItsDocument() throws Exception {
        for (String path : List.of("/zstack/v1", "/zstack/v1/")) {
            HttpResponse<String> r = server.send(server.request(path).GET());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = server.parse(r);
            assertEquals("kumo", body.path("name").asText());
            assertEquals("9.9.9-test", body.path("version").asText());
            assertEquals("/zstack/v1/openapi.json", body.path("openapi").asText());
        }
    }

    @Test
    void routesFollowTheRegistry() throws Exception {
        assertEquals(200, server.send(server.authorized("/zstack/v1/zones/z1").DELETE()).statusCode());

        server.registry.remove("DeleteZone");
        HttpResponse<String> afterDelete = server.send(server.authorized("/zstack/v1/zones/z1").DELETE());
        assertError(afterDelete, 405, "SYS.1005");
        assertEquals("GET", afterDelete.headers().firstValue("Allow").orElse(""));

        server.registry.remove("QueryZone");
        assertError(server.get("/zstack/v1/zones/z1"), 404, "SYS.1004");
        assertError(server.get("/zstack/v1/zones"), 405, "SYS.1005");
        String openApi = server.send(server.request("/zstack/v1/openapi.json").GET()).body();
        assertFalse(openApi.contains("\"DeleteZone\""), "DeleteZone is still documented");
        assertFalse(openApi.contains("\"QueryZone\""), "QueryZone is still documented");

        OperationDescriptor query = TestOperations.queryZone();
        server.registry.add(TestOperations.of(query));
        server.operations.answer(c -> new Submission(OperationResult.inventories(List.of(), null), null));
        assertEquals(200, server.get("/zstack/v1/zones/z1").statusCode());
        assertNull(server.operations.lastCall().systemTags());
    }
}
