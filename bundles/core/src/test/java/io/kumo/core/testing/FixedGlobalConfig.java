package io.kumo.core.testing;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.core.config.CoreGlobalConfigs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Global configuration fixed by the test: the kernel's defaults (job.debugStepDelay is 0) unless overridden. */
public final class FixedGlobalConfig implements GlobalConfigService {
    private final Map<String, String> values = new ConcurrentHashMap<>();

    /** @param overrides {@code category.name} to value */
    public FixedGlobalConfig(Map<String, String> overrides) {
        for (GlobalConfigDefinition d : new CoreGlobalConfigs().definitions()) {
            values.put(d.key(), d.defaultValue());
        }
        values.putAll(overrides);
    }

    /** The kernel's defaults. */
    public FixedGlobalConfig() { this(Map.of()); }

    @Override
    public String value(String category, String name) {
        String v = values.get(category + "." + name);
        if (v == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no global configuration " + category + "." + name);
        }
        return v;
    }

    @Override
    public AutoCloseable watch(String category, String name, Consumer<String> listener) { return () -> { }; }
}
