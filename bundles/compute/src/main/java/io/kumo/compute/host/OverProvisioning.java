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

    /** @param physical physical capacity @param ratio over-provisioning ratio @return the capacity offered */
    public static long total(long physical, double ratio) {
        return (long) Math.floor(physical * ratio);
    }

    /** @param total capacity offered @param used capacity reserved @return what is left, never negative */
    public static long available(long total, long used) {
        return Math.max(0, total - used);
    }
}
