package io.kumo.query;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryRequestParserTest {
    private final QueryRequestParser parser = new QueryRequestParser();

    static OperationRequest request(Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new OperationRequest("QueryVm", params, null, null, Caller.system("internal"), "req-1");
    }

    private static String invalid(Runnable r) {
        ApiException e = assertThrows(ApiException.class, r::run);
        assertEquals(ErrorCode.INVALID_QUERY.code(), e.error().code());
        assertEquals(400, e.error().httpStatus());
        return e.error().details();
    }

    @Test
    void appliesDefaults() {
        QueryRequest q = parser.parse(request());
        assertEquals(List.of(), q.conditions());
        assertEquals(QueryRequest.DEFAULT_LIMIT, q.limit());
        assertEquals(0, q.start());
        assertFalse(q.count());
        assertFalse(q.replyWithCount());
        assertNull(q.sortBy());
        assertTrue(q.ascending());
        assertEquals(List.of(), q.fields());
    }

    @Test
    void readsConvertedParameters() {
        QueryRequest q = parser.parse(request("q", List.of("name=vm1", "cpuNum>=2", "description is null"),
                "limit", 10, "start", 20, "count", true, "replyWithCount", true, "sort", "-createDate",
                "fields", List.of("uuid,name", " state ", "uuid")));
        assertEquals(List.of(new QueryCondition("name", QueryOperator.EQ, "vm1"),
                new QueryCondition("cpuNum", QueryOperator.GE, "2"),
                new QueryCondition("description", QueryOperator.IS_NULL, null)), q.conditions());
        assertEquals(10, q.limit());
        assertEquals(20, q.start());
        assertTrue(q.count());
        assertTrue(q.replyWithCount());
        assertEquals("createDate", q.sortBy());
        assertFalse(q.ascending());
        assertEquals(List.of("uuid", "name", "state"), q.fields());
    }

    @Test
    void acceptsTextForms() {
        QueryRequest q = parser.parse(request("q", "name=vm1", "limit", "5", "start", "1", "count", "false",
                "replyWithCount", "TRUE", "fields", "uuid,name"));
        assertEquals(List.of(new QueryCondition("name", QueryOperator.EQ, "vm1")), q.conditions());
        assertEquals(5, q.limit());
        assertEquals(1, q.start());
        assertFalse(q.count());
        assertTrue(q.replyWithCount());
        assertEquals(List.of("uuid", "name"), q.fields());
    }

    @Test
    void readsSortForms() {
        QueryRequest plus = parser.parse(request("sort", "+name"));
        assertEquals("name", plus.sortBy());
        assertTrue(plus.ascending());
        QueryRequest decodedPlus = parser.parse(request("sort", " name"));
        assertEquals("name", decodedPlus.sortBy(), "a raw '+' in a URL decodes to a space");
        assertTrue(decodedPlus.ascending());
        QueryRequest bare = parser.parse(request("sort", "vm.name"));
        assertEquals("vm.name", bare.sortBy());
        assertTrue(bare.ascending());
        QueryRequest sortBy = parser.parse(request("sortBy", "cpuNum"));
        assertEquals("cpuNum", sortBy.sortBy());
        assertTrue(sortBy.ascending());
        QueryRequest desc = parser.parse(request("sortBy", "cpuNum", "sortDirection", "DESC"));
        assertFalse(desc.ascending());
        QueryRequest asc = parser.parse(request("sortBy", "cpuNum", "sortDirection", "asc"));
        assertTrue(asc.ascending());
        QueryRequest directionOnly = parser.parse(request("sortDirection", "desc"));
        assertNull(directionOnly.sortBy());
    }

    @Test
    void rejectsBadSorting() {
        assertTrue(invalid(() -> parser.parse(request("sort", "+name", "sortBy", "name"))).contains("not both"));
        assertTrue(invalid(() -> parser.parse(request("sortBy", "name", "sortDirection", "up")))
                .contains("sortDirection must be asc or desc"));
        assertTrue(invalid(() -> parser.parse(request("sort", "+na-me"))).contains("does not name a field"));
        assertTrue(invalid(() -> parser.parse(request("sort", "-"))).contains("does not name a field"));
        assertTrue(invalid(() -> parser.parse(request("sortBy", "1x"))).contains("does not name a field"));
    }

    @Test
    void rejectsBadPagingAndFlags() {
        assertTrue(invalid(() -> parser.parse(request("limit", -1))).contains("limit must be between 0"));
        assertTrue(invalid(() -> parser.parse(request("start", -5))).contains("start must be between 0"));
        assertTrue(invalid(() -> parser.parse(request("limit", "ten"))).contains("limit must be a whole number"));
        assertTrue(invalid(() -> parser.parse(request("count", "yes"))).contains("count must be true or false"));
    }

    @Test
    void rejectsBadFieldsAndConditions() {
        assertTrue(invalid(() -> parser.parse(request("fields", List.of("uuid,na me")))).contains("'na me'"));
        assertTrue(invalid(() -> parser.parse(request("q", List.of("name=vm1", "bogus"))))
                .contains("invalid query condition 'bogus'"));
    }

    @Test
    void ignoresEmptyFieldEntries() {
        assertEquals(List.of("uuid"), parser.parse(request("fields", List.of("uuid,", ",", ""))).fields());
    }
}
