package io.kumo.core.config;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.operation.ParamType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobalConfigManagerTest {
    private static final GlobalConfigDefinition PORT =
            new GlobalConfigDefinition("test", "port", ParamType.INTEGER, "8080", "A port.", 1L, 65535L, List.of());
    private static final GlobalConfigDefinition COUNT =
            new GlobalConfigDefinition("test", "count", ParamType.INTEGER, "1", "Unbounded int.", null, null, List.of());
    private static final GlobalConfigDefinition BYTES =
            new GlobalConfigDefinition("test", "bytes", ParamType.LONG, "0", "Bytes.", 0L, null, List.of());
    private static final GlobalConfigDefinition RATIO =
            new GlobalConfigDefinition("test", "ratio", ParamType.DOUBLE, "0.5", "A ratio.", 0L, 2L, List.of());
    private static final GlobalConfigDefinition ENABLED =
            new GlobalConfigDefinition("test", "enabled", ParamType.BOOLEAN, "true", "On or off.", null, null, List.of());
    private static final GlobalConfigDefinition MODE =
            new GlobalConfigDefinition("test", "mode", ParamType.STRING, "fast", "A mode.", null, null, List.of("fast", "safe"));
    private static final GlobalConfigDefinition NOTE =
            new GlobalConfigDefinition("test", "note", ParamType.STRING, "", "Free text.", null, null, List.of());

    /** The values stored in the database, as the fake store reports them when settings are defined. */
    private final Map<String, String> stored = new HashMap<>();
    private GlobalConfigManager manager;

    @BeforeEach
    void create() {
        stored.put("test.port", "9090");
        GlobalConfigStore store = new GlobalConfigStore(null) {
            @Override
            public String define(GlobalConfigDefinition d) {
                return stored.getOrDefault(d.key(), d.defaultValue());
            }
        };
        manager = new GlobalConfigManager(store);
        manager.bind((GlobalConfigProvider) () -> List.of(PORT, COUNT, BYTES, RATIO, ENABLED, MODE, NOTE));
    }

    private String refusal(GlobalConfigDefinition d, String value) {
        ApiException e = assertThrows(ApiException.class, () -> manager.validate(d, value), "expected a refusal of " + value);
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code());
        return e.error().details();
    }

    private void assertRefused(GlobalConfigDefinition d, String value, String detailPart) {
        String detail = refusal(d, value);
        assertTrue(detail.contains(detailPart), "'" + detail + "' should contain '" + detailPart + "'");
    }

    @Test
    void valuesComeFromTheStoreAndTheKernelDefinesItsOwnSettings() {
        assertEquals("9090", manager.value("test", "port"), "a stored value wins over the default");
        assertEquals("1", manager.value("test", "count"));
        assertEquals(0, manager.intValue(CoreGlobalConfigs.JOB, CoreGlobalConfigs.DEBUG_STEP_DELAY));
        assertEquals(5, manager.longValue(CoreGlobalConfigs.MANAGEMENT_NODE, CoreGlobalConfigs.HEARTBEAT_INTERVAL));
        ApiException e = assertThrows(ApiException.class, () -> manager.value("test", "missing"));
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND.code(), e.error().code());
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND.code(),
                assertThrows(ApiException.class, () -> manager.definition("test", "missing")).error().code());
        assertEquals(PORT, manager.definition("test", "port"));
    }

    @Test
    void integersAreNormalisedAndRangeChecked() {
        assertEquals("80", manager.validate(PORT, " 80 "));
        assertEquals("80", manager.validate(PORT, "080"));
        assertEquals("80", manager.validate(PORT, "+80"));
        assertEquals("1", manager.validate(PORT, "1"));
        assertEquals("65535", manager.validate(PORT, "65535"));
        assertRefused(PORT, "0", "test.port must be between 1 and 65535, not 0");
        assertRefused(PORT, "65536", "must be between 1 and 65535");
        assertRefused(PORT, "80.5", "test.port must be a");
        assertRefused(PORT, "80.5", "not '80.5'");
        assertRefused(PORT, "eighty", "not 'eighty'");
        assertRefused(PORT, "", "not ''");
        assertRefused(PORT, null, "a value is required for test.port");
        assertEquals(Integer.toString(Integer.MAX_VALUE), manager.validate(COUNT, Integer.toString(Integer.MAX_VALUE)));
        assertRefused(COUNT, "2147483648", "out of range: 2147483648");
        assertRefused(COUNT, "-2147483649", "out of range: -2147483649");
    }

    @Test
    void longs() {
        assertEquals("9223372036854775807", manager.validate(BYTES, "9223372036854775807"));
        assertEquals("0", manager.validate(BYTES, "-0"));
        assertRefused(BYTES, "-1", "test.bytes must be at least 0, not -1");
        assertRefused(BYTES, "-1", "not -1");
        assertRefused(BYTES, "9223372036854775808", "must be an integer, not '9223372036854775808'");
    }

    @Test
    void doubles() {
        assertEquals("1.5", manager.validate(RATIO, " 1.5 "));
        assertEquals("2.0", manager.validate(RATIO, "2"));
        assertRefused(RATIO, "2.01", "test.ratio must be between 0 and 2, not 2.01");
        assertRefused(RATIO, "-0.5", "must be between 0 and 2");
        assertRefused(RATIO, "half", "must be a number, not 'half'");
    }

    @Test
    void booleans() {
        assertEquals("true", manager.validate(ENABLED, "true"));
        assertEquals("false", manager.validate(ENABLED, " false "));
        assertRefused(ENABLED, "yes", "test.enabled must be true or false, not 'yes'");
        assertRefused(ENABLED, "1", "must be true or false");
    }

    @Test
    void stringsAndAllowedValues() {
        assertEquals("safe", manager.validate(MODE, "safe"));
        assertEquals("safe", manager.validate(MODE, " safe "));
        assertRefused(MODE, "Safe", "test.mode must be one of fast, safe, not 'Safe'");
        assertEquals("anything at all", manager.validate(NOTE, "  anything at all "));
        assertEquals("", manager.validate(NOTE, " "));
    }

    @Test
    void watchersHearOfChangedValuesOnce() throws Exception {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        List<String> other = Collections.synchronizedList(new ArrayList<>());
        AutoCloseable handle = manager.watch("test", "port", heard::add);
        manager.watch("test", "count", other::add);

        manager.applied("test", "port", "9091");
        assertEquals(List.of("9091"), heard);
        assertEquals("9091", manager.value("test", "port"));

        manager.applied("test", "port", "9091");
        assertEquals(List.of("9091"), heard, "the same value again is not a change");

        manager.applied("test", "port", "9092");
        assertEquals(List.of("9091", "9092"), heard);
        assertEquals(List.of(), other, "watchers of other settings hear nothing");

        handle.close();
        manager.applied("test", "port", "9093");
        assertEquals(List.of("9091", "9092"), heard, "a closed watch hears nothing");
        assertEquals("9093", manager.value("test", "port"));
    }

    @Test
    void aFailingWatcherDoesNotStopTheOthers() {
        List<String> heard = new ArrayList<>();
        manager.watch("test", "port", v -> {
            throw new IllegalStateException("watcher broke");
        });
        manager.watch("test", "port", heard::add);
        manager.applied("test", "port", "1234");
        assertEquals(List.of("1234"), heard);
        assertEquals("1234", manager.value("test", "port"));
    }

    @Test
    void changesFromOtherNodesArriveAsEvents() {
        List<String> heard = new ArrayList<>();
        manager.watch("test", "mode", heard::add);
        Map<String, Object> inventory = Map.of("category", "test", "name", "mode", "value", "safe");
        manager.onEvent(new ResourceEvent(EventType.UPDATED, GlobalConfigManager.RESOURCE_TYPE, "test.mode", inventory, null, null, null, null));
        manager.onEvent(new ResourceEvent(EventType.UPDATED, GlobalConfigManager.RESOURCE_TYPE, "test.mode", inventory, null, null, null, null));
        manager.onEvent(new ResourceEvent(EventType.UPDATED, "zone", "test.mode",
                Map.of("category", "test", "name", "mode", "value", "fast"), null, null, null, null));
        assertEquals(List.of("safe"), heard);
        assertEquals("safe", manager.value("test", "mode"));
    }
}
