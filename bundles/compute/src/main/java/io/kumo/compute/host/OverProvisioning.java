package io.kumo.compute.host;

import io.kumo.api.config.GlobalConfigService;

/**
 * The over-provisioning ratios of global configuration, read live, and the capacity maths that use them: a host
 * offers {@code physical × ratio} (rounded down) and has {@code offered − reserved} available.
 */
public class OverProvisioning {
    private final GlobalConfigService config;

    /** @param config global configuration */
    public OverProvisioning(GlobalConfigService config) { this.config = config; }

    /** @return vCPUs offered per physical CPU thread */
    public double cpuRatio() {
        return Double.parseDouble(config.value(HostGlobalConfigs.HOST, HostGlobalConfigs.CPU_OVER_PROVISIONING_RATIO));
    }

    /** @return bytes offered per byte of physical memory */
    public double memoryRatio() {
        return Double.parseDouble(config.value(HostGlobalConfigs.MEVOCO, HostGlobalConfigs.MEMORY_OVER_PROVISIONING));
    }

    /**
     * @param listener told when either ratio changes (on any management node)
     * @return a handle that stops watching when closed
     */
    public AutoCloseable onChange(Runnable listener) {
        AutoCloseable cpu = config.watch(HostGlobalConfigs.HOST, HostGlobalConfigs.CPU_OVER_PROVISIONING_RATIO, v -> listener.run());
        AutoCloseable memory = config.watch(HostGlobalConfigs.MEVOCO, HostGlobalConfigs.MEMORY_OVER_PROVISIONING, v -> listener.run());
        return () -> {
            cpu.close();
            memory.close();
        };
    }

    /** @param physical physical capacity @param ratio over-provisioning ratio @return the capacity offered */
    public static long total(long physical, double ratio) {
        return (long) Math.floor(physical * ratio);
    }

}
