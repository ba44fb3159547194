package io.kumo.compute.network;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** The network area's global configuration settings. */
public class NetworkGlobalConfigs implements GlobalConfigProvider {
    public static final String L3_NETWORK = "l3Network";
    public static final String DEFAULT_MTU = "defaultMtu";

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(new GlobalConfigDefinition(L3_NETWORK, DEFAULT_MTU, ParamType.LONG, "1500",
                "MTU (bytes) of a new L3 network's NICs, until SetL3NetworkMtu changes it.", 68L, 9216L, List.of()));
    }
}
