package io.kumo.core.config;

/**
 * A global configuration setting as the API shows it (ZStack's GlobalConfigInventory).
 *
 * @param category     the category
 * @param name         the name
 * @param value        the current value
 * @param defaultValue the documented default
 * @param type         the value type
 * @param description  what it controls
 */
public record GlobalConfigInventory(String category, String name, String value, String defaultValue, String type,
                                    String description) {
    static GlobalConfigInventory of(GlobalConfigEntity e) {
        return new GlobalConfigInventory(e.getCategory(), e.getName(), e.getValue(), e.getDefaultValue(), e.getType(),
                e.getDescription());
    }
}
