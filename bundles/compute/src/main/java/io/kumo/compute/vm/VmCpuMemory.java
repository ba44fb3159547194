package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.Step;

import java.util.Set;

/**
 * Changing a VM's vCPUs and memory. First step: on the VM's host the growth is reserved with placement's conditional
 * update ({@code ALLOC.1001} when the host lacks it; rollback releases it). Last step: the hypervisor applies the change
 * live ({@code SYS.1014} when it cannot; the earlier steps are then undone and nothing has changed), a shrink is
 * released and the VM row takes the new size. A stopped VM only records the new size for its next start.
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

    private static boolean onHost(VmInstanceEntity vm) {
        return vm.getHostUuid() != null && VmStates.ON_HOST.contains(vm.getState());
    }

    /**
     * @param vms the lifecycle @param uuid the VM @param cpuNum new vCPUs or null @param memory new bytes or null
     * @return the step {@code reserve-cpu-memory}
     */
    static Step reserve(VmLifecycle vms, String uuid, Integer cpuNum, Long memory) {
        return Step.of("reserve-cpu-memory", ctx -> {
            if (cpuNum == null && memory == null) {
                return;
            }
            VmInstanceEntity vm = vms.require(uuid);
            check(vm);
            int growCpu = cpuNum == null ? 0 : Math.max(cpuNum - vm.getCpuNum(), 0);
            long growMemory = memory == null ? 0 : Math.max(memory - vm.getMemorySize(), 0);
            String host = vm.getHostUuid();
            if (onHost(vm) && (growCpu > 0 || growMemory > 0)) {
                if (!vms.placement().reserveOn(host, growCpu, growMemory)) {
                    throw new ApiException(ErrorCode.NO_CAPACITY, "host " + host + " of VM " + uuid + " has not " + growCpu
                            + " more vCPUs and " + growMemory + " more bytes of memory free (after over-provisioning);"
                            + " stop the VM and start it with the new size elsewhere, migrate it, or free capacity on the host");
                }
                ctx.put("reservedOn", host);
                ctx.put("growCpu", growCpu);
                ctx.put("growMemory", growMemory);
            }
        }, ctx -> {
            if (ctx.getString("reservedOn") != null) {
                vms.placement().release(ctx.getString("reservedOn"), ((Number) ctx.get("growCpu")).intValue(),
                        ((Number) ctx.get("growMemory")).longValue());
            }
        });
    }

    /**
     * Applies the change (within the last step of the job): live on the host, then the shrink released and the row
     * updated.
     *
     * @param vms the lifecycle @param uuid the VM @param cpuNum new vCPUs or null @param memory new bytes or null
     */
    static void apply(VmLifecycle vms, String uuid, Integer cpuNum, Long memory) throws Exception {
        if (cpuNum == null && memory == null) {
            return;
        }
        VmInstanceEntity vm = vms.require(uuid);
        int oldCpu = vm.getCpuNum();
        long oldMemory = vm.getMemorySize();
        int cpu = cpuNum == null ? oldCpu : cpuNum;
        long mem = memory == null ? oldMemory : memory;
        if (cpu == oldCpu && mem == oldMemory) {
            return;
        }
        String host = vm.getHostUuid();
        if (onHost(vm)) {
            VmSpecSettings.backend("changing CPU or memory of a running VM", () ->
                    vms.hypervisor(host).changeCpuMemory(vms.connection(host), vms.spec(uuid, host), cpu, mem));
            vms.placement().release(host, Math.max(oldCpu - cpu, 0), Math.max(oldMemory - mem, 0));
        }
        vms.vms().update(uuid, v -> {
            v.setCpuNum(cpu);
            v.setMemorySize(mem);
        });
    }
}
