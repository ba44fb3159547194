package io.kumo.compute.host;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.operation.ParamType;

import java.util.List;

/** The settings of hosts, under ZStack's names: over-provisioning ratios and connection tracking. */
public class HostGlobalConfigs implements GlobalConfigProvider {
    public static final String HOST = "host";
    public static final String CPU_OVER_PROVISIONING_RATIO = "cpu.overProvisioning.ratio";
    public static final String PING_INTERVAL = "ping.interval";
    public static final String PING_MAX_FAILURE = "ping.maxFailure";
    public static final String MEVOCO = "mevoco";
    public static final String MEMORY_OVER_PROVISIONING = "overProvisioning.memory";

    @Override
    public List<GlobalConfigDefinition> definitions() {
        return List.of(
                new GlobalConfigDefinition(HOST, CPU_OVER_PROVISIONING_RATIO, ParamType.DOUBLE, "10",
                        "vCPUs offered per physical CPU thread of a host; applies at once to every host's capacity.",
                        1L, 1000L, List.of()),
                new GlobalConfigDefinition(MEVOCO, MEMORY_OVER_PROVISIONING, ParamType.DOUBLE, "1.0",
                        "Bytes of VM memory offered per byte of a host's physical memory; applies at once to every host's capacity.",
                        1L, 100L, List.of()),
                new GlobalConfigDefinition(HOST, PING_INTERVAL, ParamType.LONG, "60",
                        "Seconds between two pings of a host by the management node that owns it; the pings of all hosts are spread over this interval.",
                        1L, 3600L, List.of()),
                new GlobalConfigDefinition(HOST, PING_MAX_FAILURE, ParamType.LONG, "3",
                        "Consecutive failed pings after which a host is marked Disconnected.",
                        1L, 100L, List.of()));
    }
}
