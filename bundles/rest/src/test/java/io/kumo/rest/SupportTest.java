package io.kumo.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.operation.Operation;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupportTest {
    @Test
    void datesAreWrittenLikeZStackAndNullsAreOmitted() throws Exception {
        ObjectMapper mapper = JsonMappers.zstack();
        Map<String, Object> body = new HashMap<>();
        body.put("createDate", Timestamp.valueOf(LocalDateTime.of(2026, 11, 21, 11, 16, 49)));
        body.put("lastOpDate", Timestamp.valueOf(LocalDateTime.of(2017, 6, 7, 21, 20, 28)));
        body.put("gone", null);
        String json = mapper.writeValueAsString(body);
        assertTrue(json.contains("\"createDate\":\"Nov 21, 2026 11:16:49 AM\""), json);
        assertTrue(json.contains("\"lastOpDate\":\"Jun 7, 2017 9:20:28 PM\""), json);
        assertFalse(json.contains("gone"), json);
    }

    @Test
    void queryStringsAreDecodedPerValue() {
        Map<String, List<String>> q = RequestPaths.parseQuery("q=name%3Da+b&q=x=y=z&flag&empty=&=orphan");
        assertEquals(List.of("name=a b", "x=y=z"), q.get("q"));
        assertEquals(List.of(""), q.get("flag"));
        assertEquals(List.of(""), q.get("empty"));
        assertEquals(3, q.size());
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertEquals("plain", CsvExport.quote("plain"));
        assertEquals("\"a,b\"", CsvExport.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.quote("say \"hi\""));
        assertEquals("\"two\r\nlines\"", CsvExport.quote("two\r\nlines"));
    }

    @Test
    void parserMessagesLoseSourcesAndJavaNames() {
        String raw = "Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]) for java.util.Map";
        String clean = JsonBodyReader.sanitize(raw);
        assertEquals("Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1) "
                + "for value", clean);
    }

    @Test
    void catalogFollowsAddsRemovesAndRebinds() {
        FakeOperationRegistry registry = new FakeOperationRegistry();
        Operation query = TestOperations.of(TestOperations.queryZone());
        registry.add(query);
        RouteCatalog catalog = new RouteCatalog("1");
        catalog.bind(registry);
        assertTrue(catalog.snapshot().table().lookup("GET", List.of("zones")).found());

        RouteSnapshot before = catalog.snapshot();
        registry.add(TestOperations.of(TestOperations.deleteZone()));
        assertTrue(catalog.snapshot().table().lookup("DELETE", List.of("zones", "z")).found());
        assertFalse(before.table().lookup("DELETE", List.of("zones", "z")).found(), "snapshots are immutable");

        registry.remove("QueryZone");
        assertFalse(catalog.snapshot().table().lookup("GET", List.of("zones")).found());

        catalog.unbind(registry);
        assertEquals(0, registry.listenerCount());
        assertFalse(catalog.snapshot().table().lookup("DELETE", List.of("zones", "z")).found());

        catalog.bind(registry);
        assertEquals(1, registry.listenerCount());
        assertTrue(catalog.snapshot().table().lookup("DELETE", List.of("zones", "z")).found());
        catalog.close();
        assertEquals(0, registry.listenerCount());
    }
}
