package io.kumo.compute.console;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** The console settings of global configuration. */
public class ConsoleGlobalConfigs implements GlobalConfigProvider {
    public static final String CATEGORY = "console";
    public static final String TOKEN_TIMEOUT = "token.timeout";

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(new GlobalConfigDefinition(CATEGORY, TOKEN_TIMEOUT, ParamType.LONG, "60",
                "Seconds a console token from RequestConsoleAccess may be used to open the console (once).", 1L, 3600L, List.of()));
    }
}
