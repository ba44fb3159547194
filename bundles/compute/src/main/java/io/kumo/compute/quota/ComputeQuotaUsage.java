package io.kumo.compute.quota;

import io.kumo.api.identity.OwnershipService;
import io.kumo.api.identity.QuotaUsageProvider;
import io.kumo.compute.image.ImageEntity;
import io.kumo.compute.vm.VmInstanceEntity;
import io.kumo.compute.volume.VolumeEntity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Measures the compute quotas of an account from what it owns (its ownership records). */
public class ComputeQuotaUsage implements QuotaUsageProvider {
    private static final Set<String> NOT_RUNNING = Set.of("Stopped", "Destroyed");
    private static final String DELETED = "Deleted";

    private final OwnershipService ownership;
    private final QuotaUsageStore store;

    /** Wires the provider. */
    public ComputeQuotaUsage(OwnershipService ownership, QuotaUsageStore store) {
        this.ownership = ownership;
        this.store = store;
    }

    @Override public Set<String> names() { return ComputeQuotas.QUOTAS.keySet(); }

    @Override
    public Map<String, Long> usage(String accountUuid) {
        return usage(store.vms(ownership.ownedBy(accountUuid, "vmInstance")), store.volumes(ownership.ownedBy(accountUuid, "volume")),
                store.images(ownership.ownedBy(accountUuid, "image")));
    }

    /** @return the usage of every compute quota, given what an account owns */
    static Map<String, Long> usage(List<VmInstanceEntity> vms, List<VolumeEntity> volumes, List<ImageEntity> images) {
        Map<String, Long> u = new LinkedHashMap<>();
        ComputeQuotas.QUOTAS.keySet().forEach(n -> u.put(n, 0L));
        for (VmInstanceEntity vm : vms) {
            if (!"Destroyed".equals(vm.getState())) {
                u.merge(ComputeQuotas.VM_TOTAL_NUM, 1L, Long::sum);
            }
            if (!NOT_RUNNING.contains(vm.getState())) {
                u.merge(ComputeQuotas.VM_NUM, 1L, Long::sum);
                u.merge(ComputeQuotas.VM_CPU_NUM, (long) vm.getCpuNum(), Long::sum);
                u.merge(ComputeQuotas.VM_MEMORY_SIZE, vm.getMemorySize(), Long::sum);
            }
        }
        for (VolumeEntity v : volumes) {
            if (DELETED.equals(v.getStatus())) {
                continue;
            }
            if (VolumeEntity.DATA.equals(v.getType())) {
                u.merge(ComputeQuotas.VOLUME_DATA_NUM, 1L, Long::sum);
            }
            u.merge(ComputeQuotas.VOLUME_CAPACITY, v.getSize(), Long::sum);
        }
        for (ImageEntity i : images) {
            if (!DELETED.equals(i.getStatus())) {
                u.merge(ComputeQuotas.IMAGE_NUM, 1L, Long::sum);
                u.merge(ComputeQuotas.IMAGE_SIZE, i.getActualSize() > 0 ? i.getActualSize() : i.getSize(), Long::sum);
            }
        }
        return u;
    }
}
