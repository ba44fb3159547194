package io.kumo.api.config;

import java.util.function.Consumer;

/** Reads global configuration and reports changes. Values are cached; reading is cheap. */
public interface GlobalConfigService {
    /**
     * @param category category
     * @param name     name
     * @return the current value as a string
     * @throws io.kumo.api.error.ApiException if no such setting is declared
     */
    String value(String category, String name);

    /** @param category category @param name name @return the value as an int */
    default int intValue(String category, String name) { return Integer.parseInt(value(category, name)); }

    /** @param category category @param name name @return the value as a long */
    default long longValue(String category, String name) { return Long.parseLong(value(category, name)); }

    /** @param category category @param name name @return the value as a boolean */
    default boolean booleanValue(String category, String name) { return Boolean.parseBoolean(value(category, name)); }

    /**
     * Watches a setting; the listener is called with the new value after a change is committed, on any node, and with
     * its value when the setting is first defined: a module may watch its own settings before they are registered.
     *
     * @param category category
     * @param name     name
     * @param listener receives the new value
     * @return a handle that stops watching when closed
     */
    AutoCloseable watch(String category, String name, Consumer<String> listener);
}
