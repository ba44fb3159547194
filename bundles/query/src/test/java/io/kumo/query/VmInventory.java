package io.kumo.query;

import java.sql.Timestamp;
import java.util.List;

/** The inventory of a {@link TestVm}: no secret, nics as ip addresses. */
public record VmInventory(String uuid, String name, String description, TestVmState state, int cpuNum,
                          long memorySize, Timestamp createDate, List<String> nicIps) {
    static VmInventory of(TestVm vm) {
        return new VmInventory(vm.getUuid(), vm.getName(), vm.getDescription(), vm.getState(), vm.getCpuNum(),
                vm.getMemorySize(), vm.getCreateDate(), vm.getNics().stream().map(TestNic::getIp).sorted(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).toList());
    }
}
