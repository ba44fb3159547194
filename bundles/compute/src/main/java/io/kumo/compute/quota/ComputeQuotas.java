package io.kumo.compute.quota;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.config.GlobalConfigProvider;
import io.kumo.api.identity.QuotaService;
import io.kumo.api.operation.ParamType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quotas the compute module measures (ZStack's names) and their defaults, declared as global configurations
 * {@code quota.<name>}: they apply to every account without a value of its own.
 */
public class ComputeQuotas implements GlobalConfigProvider {
    /** Running VMs: every VM neither Stopped nor Destroyed. */
    public static final String VM_NUM = "vm.num";
    /** VMs not Destroyed, running or not. */
    public static final String VM_TOTAL_NUM = "vm.totalNum";
    /** vCPUs of running VMs. */
    public static final String VM_CPU_NUM = "vm.cpuNum";
    /** Memory of running VMs, in bytes. */
    public static final String VM_MEMORY_SIZE = "vm.memorySize";
    /** Data volumes not in the recycle bin. */
    public static final String VOLUME_DATA_NUM = "volume.data.num";
    /** Bytes of every volume (root and data) not in the recycle bin. */
    public static final String VOLUME_CAPACITY = "volume.capacity";
    /** Images not in the recycle bin. */
    public static final String IMAGE_NUM = "image.num";
    /** Bytes of images not in the recycle bin. */
    public static final String IMAGE_SIZE = "image.size";
    /** Elastic IPs: declared and shown; nothing creates EIPs yet. */
    public static final String EIP_NUM = "eip.num";

    private static final long GIB = 1024L * 1024 * 1024;

    /** Each quota with its default and what it counts. */
    static final Map<String, Object[]> QUOTAS = new LinkedHashMap<>();

    static {
        QUOTAS.put(VM_NUM, new Object[] {20L, "Running VMs (every VM neither Stopped nor Destroyed) an account may have."});
        QUOTAS.put(VM_TOTAL_NUM, new Object[] {20L, "VMs (not Destroyed) an account may have, running or stopped."});
        QUOTAS.put(VM_CPU_NUM, new Object[] {80L, "vCPUs of the running VMs of an account."});
        QUOTAS.put(VM_MEMORY_SIZE, new Object[] {80 * GIB, "Bytes of memory of the running VMs of an account."});
        QUOTAS.put(VOLUME_DATA_NUM, new Object[] {40L, "Data volumes (not in the recycle bin) an account may have."});
        QUOTAS.put(VOLUME_CAPACITY, new Object[] {10240 * GIB, "Bytes of the volumes, root and data, of an account."});
        QUOTAS.put(IMAGE_NUM, new Object[] {20L, "Images (not in the recycle bin) an account may have."});
        QUOTAS.put(IMAGE_SIZE, new Object[] {10240 * GIB, "Bytes of the images of an account."});
        QUOTAS.put(EIP_NUM, new Object[] {20L, "Elastic IPs of an account (no operation creates EIPs yet)."});
    }

    @Override
    public List<GlobalConfigDefinition> definitions() {
        List<GlobalConfigDefinition> defs = new ArrayList<>();
        QUOTAS.forEach((name, d) -> defs.add(new GlobalConfigDefinition(QuotaService.CONFIG_CATEGORY, name, ParamType.LONG,
                Long.toString((Long) d[0]), "Default quota: " + d[1] + " An account's own value (UpdateQuota) wins.",
                0L, Long.MAX_VALUE, List.of())));
        return defs;
    }
}
