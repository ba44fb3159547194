package io.kumo.compute.vm;

import io.kumo.api.host.HostInventory;
import io.kumo.api.inventory.DependentResourceProvider;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.compute.volume.VolumeEntity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What VMs keep under hosts (the VMs on them), L3 networks (NICs) and primary storage (volumes), for delete modes.
 * Enforcing: a host's VMs are stopped and its capacity released; an L3 network's NICs are removed and their IPs
 * released; the VMs with volumes on a primary storage are expunged.
 */
public class VmDependents implements DependentResourceProvider {
    private final VmLifecycle vms;

    /** @param vms the lifecycle */
    public VmDependents(VmLifecycle vms) { this.vms = vms; }

    @Override
    public List<String> dependentsOf(String parentType, String parentUuid) {
        List<String> out = new ArrayList<>();
        switch (parentType) {
            case HostInventory.RESOURCE_TYPE -> vms.vms().onHost(parentUuid)
                    .forEach(vm -> out.add("VM \"" + vm.name() + "\" (" + vm.uuid() + ")"));
            case L3NetworkInventory.RESOURCE_TYPE -> vms.vms().nicsOnL3(parentUuid)
                    .forEach(n -> out.add("NIC " + n.getIp() + " of VM " + n.getVmInstanceUuid() + " (" + n.getUuid() + ")"));
            case PrimaryStorageInventory.RESOURCE_TYPE -> vms.volumes().onPrimaryStorage(parentUuid)
                    .forEach(v -> out.add("volume \"" + v.getName() + "\" (" + v.getUuid() + ")"));
            default -> { }
        }
        return out;
    }

    @Override
    public void deleteDependents(String parentType, String parentUuid) throws Exception {
        switch (parentType) {
            case HostInventory.RESOURCE_TYPE -> {
                for (VmInstanceInventory vm : vms.vms().onHost(parentUuid)) {
                    vms.takeOffHost(vm.uuid(), true, VmStates.STOPPED);
                    vms.announce(vm.uuid());
                }
            }
            case L3NetworkInventory.RESOURCE_TYPE -> {
                Set<String> touched = new LinkedHashSet<>();
                vms.vms().nicsOnL3(parentUuid).forEach(n -> {
                    vms.removeNic(n);
                    touched.add(n.getVmInstanceUuid());
                });
                touched.forEach(vms::announce);
            }
            case PrimaryStorageInventory.RESOURCE_TYPE -> {
                Set<String> owners = new LinkedHashSet<>();
                for (VolumeEntity v : vms.volumes().onPrimaryStorage(parentUuid)) {
                    if (v.getVmInstanceUuid() != null) {
                        owners.add(v.getVmInstanceUuid());
                    } else {
                        vms.deleteVolume(v);
                    }
                }
                for (String vm : owners) {
                    vms.expunge(vm);
                }
            }
            default -> { }
        }
    }
}
