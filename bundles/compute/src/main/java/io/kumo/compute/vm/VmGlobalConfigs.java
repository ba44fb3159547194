package io.kumo.compute.vm;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** The VM settings of global configuration (ZStack's names). */
public class VmGlobalConfigs implements GlobalConfigProvider {
    public static final String CATEGORY = "vm";
    public static final String DELETION_POLICY = "deletionPolicy";
    public static final String EXPUNGE_PERIOD = "expungePeriod";
    public static final String EXPUNGE_INTERVAL = "expungeInterval";
    public static final String DIRECT = "Direct";
    public static final String DELAY = "Delay";
    public static final String NEVER = "Never";

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(
                new GlobalConfigDefinition(CATEGORY, DELETION_POLICY, ParamType.STRING, DELAY,
                        "What destroying a VM does: Direct expunges it at once; Delay keeps it in the recycle bin "
                                + "(state Destroyed) for vm.expungePeriod; Never keeps it there until expunged by hand.",
                        null, null, List.of(DIRECT, DELAY, NEVER)),
                new GlobalConfigDefinition(CATEGORY, EXPUNGE_PERIOD, ParamType.LONG, "86400",
                        "Seconds a destroyed VM stays in the recycle bin under the Delay policy.", 1L, 31536000L, List.of()),
                new GlobalConfigDefinition(CATEGORY, EXPUNGE_INTERVAL, ParamType.LONG, "3600",
                        "Seconds between two sweeps of the recycle bin under the Delay policy.", 1L, 86400L, List.of()));
    }
}
