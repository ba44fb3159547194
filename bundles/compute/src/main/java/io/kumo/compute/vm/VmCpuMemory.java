package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Step;

import java.util.Set;

/**
 * Changing a VM's vCPUs and memory: on its host the growth is reserved first with placement's conditional update, the
 * hypervisor applies the change live, then a shrink is released; a stopped VM only records the new size.
 */
final class VmCpuMemory {
    private static final Set<String> CHANGEABLE = Set.of(VmStates.RUNNING, VmStates.PAUSED, VmStates.STOPPED, VmStates.CREATED);

    private VmCpuMemory() { }

    /** @throws ApiException 409 if the VM's state does not allow a CPU or memory change */
    static void check(VmInstanceEntity vm) {
        if (!CHANGEABLE.contains(vm.getState())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "VM " + vm.getUuid() + " is " + vm.getState()
                    + "; its CPU and memory change only when it is Running, Paused or Stopped");
        }
    }

    /**
     * @param vms the lifecycle @param uuid the VM @param cpuNum new vCPUs or null @param memory new bytes or null
     * @return the step {@code change-cpu-memory}; rollback restores the size, the host's capacity and the live VM
     */
    static Step step(VmLifecycle vms, String uuid, Integer cpuNum, Long memory) {
        return Step.of("change-cpu-memory", ctx -> {
            if (cpuNum == null && memory == null) {
                return;
            }
            VmInstanceEntity vm = vms.require(uuid);
            check(vm);
            int oldCpu = vm.getCpuNum();
            long oldMemory = vm.getMemorySize();
            int cpu = cpuNum == null ? oldCpu : cpuNum;
            long mem = memory == null ? oldMemory : memory;
            if (cpu == oldCpu && mem == oldMemory) {
                return;
            }
            String host = vm.getHostUuid();
            if (host != null && VmStates.ON_HOST.contains(vm.getState())) {
                int growCpu = Math.max(cpu - oldCpu, 0);
                long growMemory = Math.max(mem - oldMemory, 0);
                if ((growCpu > 0 || growMemory > 0) && !vms.placement().reserveOn(host, growCpu, growMemory)) {
                    throw new ApiException(ErrorCode.NO_CAPACITY, "host " + host + " of VM " + uuid + " has not "
                            + growCpu + " more vCPUs and " + growMemory + " more bytes of memory free (after over-provisioning);"
                            + " stop the VM and start it with the new size elsewhere, migrate it, or free capacity on the host");
                }
                try {
                    VmSpecSettings.backend("changing CPU or memory of a running VM", () ->
                            vms.hypervisor(host).changeCpuMemory(vms.connection(host), vms.spec(uuid, host), cpu, mem));
                } catch (Exception e) {
                    vms.placement().release(host, growCpu, growMemory);
                    throw e;
                }
                vms.placement().release(host, Math.max(oldCpu - cpu, 0), Math.max(oldMemory - mem, 0));
                ctx.put("liveOn", host);
            }
            ctx.put("oldCpu", oldCpu);
            ctx.put("oldMemory", oldMemory);
            vms.vms().update(uuid, v -> {
                v.setCpuNum(cpu);
                v.setMemorySize(mem);
            });
        }, ctx -> {
            if (ctx.get("oldCpu") == null) {
                return;
            }
            int oldCpu = ((Number) ctx.get("oldCpu")).intValue();
            long oldMemory = ((Number) ctx.get("oldMemory")).longValue();
            VmInstanceEntity vm = vms.require(uuid);
            String host = ctx.getString("liveOn");
            if (host != null) {
                vms.hypervisor(host).changeCpuMemory(vms.connection(host), vms.spec(uuid, host), oldCpu, oldMemory);
                vms.placement().release(host, Math.max(vm.getCpuNum() - oldCpu, 0), Math.max(vm.getMemorySize() - oldMemory, 0));
                vms.placement().reserveOn(host, Math.max(oldCpu - vm.getCpuNum(), 0), Math.max(oldMemory - vm.getMemorySize(), 0));
            }
            vms.vms().update(uuid, v -> {
                v.setCpuNum(oldCpu);
                v.setMemorySize(oldMemory);
            });
        });
    }
}
