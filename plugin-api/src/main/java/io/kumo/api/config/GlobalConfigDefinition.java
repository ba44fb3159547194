package io.kumo.api.config;

import io.kumo.api.operation.ParamType;

import java.util.List;
import java.util.Objects;

/**
 * A global configuration setting with its type, default and validation; changes apply live without restart.
 *
 * @param category      the category, e.g. {@code managementNode}
 * @param name          the name within the category, e.g. {@code heartbeatInterval}
 * @param type          the value type (STRING, INTEGER, LONG, DOUBLE or BOOLEAN)
 * @param defaultValue  the documented default, as a string
 * @param description   what it controls and its unit
 * @param min           the minimum for numbers, or null
 * @param max           the maximum for numbers, or null
 * @param allowedValues the only accepted values, or empty
 */
public record GlobalConfigDefinition(String category, String name, ParamType type, String defaultValue,
                                     String description, Long min, Long max, List<String> allowedValues) {
    /** Canonical constructor: validates presence. */
    public GlobalConfigDefinition {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        description = description == null ? "" : description;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    /** @return {@code category.name} */
    public String key() { return category + "." + name; }
}
