package io.kumo.api.config;

import java.util.List;

/**
 * Declares global configuration settings. Register as an OSGi service; the kernel adds the settings (with their
 * defaults, unless a value is already stored) while the service is registered.
 */
public interface GlobalConfigProvider {
    /** @return the settings this module declares */
    List<GlobalConfigDefinition> definitions();
}
