package io.kumo.compute.quota;

import io.kumo.api.config.GlobalConfigDefinition;
import io.kumo.api.error.ApiException;
import io.kumo.api.identity.QuotaService;
import io.kumo.compute.image.ImageEntity;
import io.kumo.compute.vm.VmInstanceEntity;
import io.kumo.compute.volume.VolumeEntity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComputeQuotaUsageTest {
    private static final long GIB = 1L << 30;

    private static VmInstanceEntity vm(String state, int cpu, long memory) {
        VmInstanceEntity v = new VmInstanceEntity();
        v.setState(state);
        v.setCpuNum(cpu);
        v.setMemorySize(memory);
        return v;
    }

    private static VolumeEntity volume(String type, String status, long size) {
        VolumeEntity v = new VolumeEntity();
        v.setType(type);
        v.setStatus(status);
        v.setSize(size);
        return v;
    }

    private static ImageEntity image(String status, long size, long actualSize) {
        ImageEntity i = new ImageEntity();
        i.setStatus(status);
        i.setSize(size);
        i.setActualSize(actualSize);
        return i;
    }

    @Test
    void countsRunningAndAllVmsTheirCpusAndMemory() {
        Map<String, Long> u = ComputeQuotaUsage.usage(List.of(vm("Running", 2, 2 * GIB), vm("Paused", 1, GIB), vm("Starting", 1, GIB),
                vm("Stopped", 8, 8 * GIB), vm("Destroyed", 16, 16 * GIB)), List.of(), List.of());
        assertEquals(3, u.get(ComputeQuotas.VM_NUM), "neither Stopped nor Destroyed");
        assertEquals(4, u.get(ComputeQuotas.VM_TOTAL_NUM), "not Destroyed");
        assertEquals(4, u.get(ComputeQuotas.VM_CPU_NUM));
        assertEquals(4 * GIB, u.get(ComputeQuotas.VM_MEMORY_SIZE));
    }

    @Test
    void countsDataVolumesAndTheCapacityOfAllVolumesOutsideTheRecycleBin() {
        Map<String, Long> u = ComputeQuotaUsage.usage(List.of(), List.of(volume(VolumeEntity.ROOT, "Ready", 10 * GIB),
                volume(VolumeEntity.DATA, "Ready", GIB), volume(VolumeEntity.DATA, "NotInstantiated", 2 * GIB),
                volume(VolumeEntity.DATA, "Deleted", 50 * GIB)), List.of());
        assertEquals(2, u.get(ComputeQuotas.VOLUME_DATA_NUM));
        assertEquals(13 * GIB, u.get(ComputeQuotas.VOLUME_CAPACITY));
    }

    @Test
    void countsImagesByActualSizeWhenKnown() {
        Map<String, Long> u = ComputeQuotaUsage.usage(List.of(), List.of(), List.of(image("Ready", 10 * GIB, GIB),
                image("Downloading", 0, 0), image("Ready", 3 * GIB, 0), image("Deleted", GIB, GIB)));
        assertEquals(3, u.get(ComputeQuotas.IMAGE_NUM));
        assertEquals(4 * GIB, u.get(ComputeQuotas.IMAGE_SIZE));
    }

    @Test
    void everyQuotaIsMeasuredAndHasADefault() {
        Map<String, Long> u = ComputeQuotaUsage.usage(List.of(), List.of(), List.of());
        assertEquals(ComputeQuotas.QUOTAS.keySet(), u.keySet());
        assertTrue(u.values().stream().allMatch(v -> v == 0));
        List<String> declared = new ArrayList<>();
        for (GlobalConfigDefinition d : new ComputeQuotas().definitions()) {
            assertEquals(QuotaService.CONFIG_CATEGORY, d.category());
            declared.add(d.name());
        }
        assertEquals(List.copyOf(ComputeQuotas.QUOTAS.keySet()), declared);
        assertTrue(declared.contains(ComputeQuotas.EIP_NUM));
    }

    @Test
    void withoutAQuotaServiceNothingIsLimited() {
        Quotas.NONE.check("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Map.of(ComputeQuotas.VM_NUM, Long.MAX_VALUE));
        QuotaService refusing = new QuotaService() {
            @Override public void check(String accountUuid, Map<String, Long> additions) { throw ApiException.invalidArgument("no"); }
            @Override public long limit(String accountUuid, String name) { return 0; }
            @Override public List<String> names() { return List.of(); }
        };
        assertThrows(ApiException.class, () -> new Quotas(List.of(refusing), null).check("a", Map.of(ComputeQuotas.VM_NUM, 1L)));
    }
}
