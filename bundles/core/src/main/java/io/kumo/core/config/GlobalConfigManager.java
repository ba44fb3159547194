package io.kumo.core.config;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.core.operation.ParameterValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Serves global configuration from a cache kept in step with the database: definitions come from
 * {@link GlobalConfigProvider} services, changes from {@code UpdateGlobalConfig} on any node (through events).
 */
public class GlobalConfigManager implements GlobalConfigService, ResourceEventListener {
    /** The resource type of configuration events. */
    public static final String RESOURCE_TYPE = "globalConfig";
    private static final Logger LOG = LoggerFactory.getLogger(GlobalConfigManager.class);

    private final GlobalConfigStore store;
    private final Map<String, GlobalConfigDefinition> definitions = new ConcurrentHashMap<>();
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<String>>> watchers = new ConcurrentHashMap<>();

    /** @param store persistence; the kernel's own settings are defined at once */
    public GlobalConfigManager(GlobalConfigStore store) {
        this.store = store;
        define(new CoreGlobalConfigs());
    }

    /** Blueprint bind: a module's settings become available. */
    public void bind(GlobalConfigProvider provider) {
        if (provider != null) {
            define(provider);
        }
    }

    /** Blueprint unbind: settings stay stored, and served, for when the module comes back. */
    public void unbind(GlobalConfigProvider provider) { }

    private void define(GlobalConfigProvider provider) {
        for (GlobalConfigDefinition d : provider.definitions()) {
            definitions.put(d.key(), d);
            String value = store.define(d);
            if (!Objects.equals(values.put(d.key(), value), value)) {
                notifyWatchers(d.key(), value);  // a module watching before its settings were registered hears of them
            }
        }
    }

    /** @return the definition @throws ApiException 404 if unknown */
    public GlobalConfigDefinition definition(String category, String name) {
        GlobalConfigDefinition d = definitions.get(category + "." + name);
        if (d == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no global configuration " + category + "." + name
                    + "; query /global-configurations for the settings available");
        }
        return d;
    }

    @Override
    public String value(String category, String name) {
        String v = values.get(category + "." + name);
        if (v == null) {
            definition(category, name);
        }
        return v;
    }

    @Override
    public AutoCloseable watch(String category, String name, Consumer<String> listener) {
        List<Consumer<String>> list = watchers.computeIfAbsent(category + "." + name, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** Applies a value committed on this node at once, before other nodes hear of it. */
    public void applied(String category, String name, String value) {
        String key = category + "." + name;
        String old = values.put(key, value);
        if (!Objects.equals(old, value)) {
            LOG.info("global configuration {} = {}", key, value);
            notifyWatchers(key, value);
        }
    }

    private void notifyWatchers(String key, String value) {
        for (Consumer<String> w : watchers.getOrDefault(key, List.of())) {
            try {
                w.accept(value);
            } catch (RuntimeException e) {
                LOG.warn("a watcher of {} failed", key, e);
            }
        }
    }

    @Override
    public void onEvent(ResourceEvent event) {
        if (RESOURCE_TYPE.equals(event.resourceType()) && event.inventory() instanceof Map<?, ?> inv) {
            applied(String.valueOf(inv.get("category")), String.valueOf(inv.get("name")), String.valueOf(inv.get("value")));
        }
    }

    /**
     * Validates a value against the definition's type and limits, exactly as operation parameters are validated.
     *
     * @return the value, normalised
     * @throws ApiException 400 saying what is accepted
     */
    public String validate(GlobalConfigDefinition d, String value) {
        if (value == null) {
            throw ApiException.invalidArgument("a value is required for " + d.key());
        }
        ParameterDescriptor p = new ParameterDescriptor(d.key(), d.type(), true, null, d.description(), d.min(), d.max(),
                d.allowedValues(), null, false);
        return String.valueOf(ParameterValidator.convert("global configuration " + d.key(), p, value.trim()));
    }
}
