package io.kumo.api.vm;

import java.util.List;
import java.util.Optional;

/** Reads VMs and moves them off a host, for modules that manage hosts. */
public interface VmService {
    /** @param uuid a VM uuid @return the VM, if it exists */
    Optional<VmInstanceInventory> get(String uuid);

    /** @param hostUuid a host @return the VMs placed on it (running, paused, or in transition) */
    List<VmInstanceInventory> vmsOnHost(String hostUuid);

    /**
     * Empties a host for maintenance: each VM on it is live-migrated to another host that fits it, or stopped if none
     * does. Returns when every VM is off the host.
     *
     * @param hostUuid the host
     * @param progress told a line per VM moved or stopped
     * @throws Exception if a VM could neither be moved nor stopped
     */
    void evacuate(String hostUuid, java.util.function.Consumer<String> progress) throws Exception;
}
