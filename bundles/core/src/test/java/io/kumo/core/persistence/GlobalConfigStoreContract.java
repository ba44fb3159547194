package io.kumo.core.persistence;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.operation.ParamType;
import io.kumo.core.config.GlobalConfigEntity;
import io.kumo.core.config.GlobalConfigInventory;
import io.kumo.core.config.GlobalConfigStore;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link GlobalConfigStore} on a real schema. */
interface GlobalConfigStoreContract extends DatabaseTest {

    private static GlobalConfigDefinition retries(String defaultValue, String description) {
        return new GlobalConfigDefinition("test", "retries", ParamType.LONG, defaultValue, description, 0L, 10L, List.of());
    }

    @Test
    default void globalConfigDefineStoresTheDefaultOfANewSetting() {
        GlobalConfigStore store = Stores.globalConfigs(db(), null);
        assertEquals("3", store.define(retries("3", "Retries.")));
        GlobalConfigEntity e = store.find("test", "retries");
        assertEquals("3", e.getValue());
        assertEquals("3", e.getDefaultValue());
        assertEquals("LONG", e.getType());
        assertEquals("Retries.", e.getDescription());
        assertEquals(List.of("test.retries"), store.all().stream().map(g -> g.getCategory() + "." + g.getName()).toList());
        assertEquals("3", store.define(retries("3", "Retries.")), "defining again changes nothing");
        assertEquals(1, store.all().size());
    }

    @Test
    default void globalConfigRedefineWithANewDefaultKeepsAChangedValue() {
        GlobalConfigStore store = Stores.globalConfigs(db(), null);
        store.define(retries("3", "Retries."));
        GlobalConfigInventory changed = store.updateValue("test", "retries", "5");
        assertEquals("5", changed.value());
        assertEquals("3", changed.defaultValue());

        assertEquals("5", store.define(retries("4", "Retries before giving up.")));
        GlobalConfigEntity e = store.find("test", "retries");
        assertEquals("5", e.getValue(), "the operator's value survives an upgrade");
        assertEquals("4", e.getDefaultValue());
        assertEquals("Retries before giving up.", e.getDescription());
    }

    @Test
    default void globalConfigUnknownSettingsAreNull() {
        GlobalConfigStore store = Stores.globalConfigs(db(), null);
        assertNull(store.find("test", "missing"));
        assertNull(store.updateValue("test", "missing", "1"));
        assertEquals(0, store.all().size());
    }
}
