package io.kumo.core.identity.ldap;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** LDAP's global configuration settings (category {@value #CATEGORY}). */
public class LdapGlobalConfigs implements GlobalConfigProvider {
    public static final String CATEGORY = "ldap";
    public static final String CLEAN_INVALID_BINDING_INTERVAL = "cleanInvalidBindingInterval";
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    public static final String READ_TIMEOUT = "readTimeout";

    private static GlobalConfigDefinition integer(String name, long def, long min, long max, String description) {
        return new GlobalConfigDefinition(CATEGORY, name, ParamType.LONG, Long.toString(def), description, min, max, List.of());
    }

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(
                integer(CLEAN_INVALID_BINDING_INTERVAL, 0, 0, 31536000,
                        "Seconds between two automatic runs of CleanInvalidLdapBinding (deleting bindings whose LDAP user is gone); 0 never runs it."),
                integer(CONNECT_TIMEOUT, 5000, 100, 600000, "Milliseconds to wait for a connection to an LDAP server."),
                integer(READ_TIMEOUT, 10000, 100, 600000, "Milliseconds to wait for an LDAP server to answer a request."));
    }
}
