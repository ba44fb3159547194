package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.host.HostInventory;
import io.kumo.api.inventory.ResourceTypeProvider;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.api.vm.VmService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * VMs for other modules (reading, evacuating a host), and the VM resource type. Evacuation runs inside the caller's
 * job (host maintenance): each VM is moved or stopped directly, undoing its own partial move on failure.
 */
public class VmManager implements VmService, ResourceTypeProvider {
    /** The VO name of VMs in tags. */
    public static final String VO_NAME = "VmInstanceVO";
    private static final Logger LOG = LoggerFactory.getLogger(VmManager.class);

    private final VmLifecycle vms;

    /** @param vms the lifecycle */
    public VmManager(VmLifecycle vms) { this.vms = vms; }

    @Override public Optional<VmInstanceInventory> get(String uuid) { return Optional.ofNullable(vms.vms().inventory(uuid)); }
    @Override public List<VmInstanceInventory> vmsOnHost(String hostUuid) { return vms.vms().onHost(hostUuid); }

    @Override
    public void evacuate(String hostUuid, Consumer<String> progress) throws Exception {
        for (VmInstanceInventory vm : vms.vms().onHost(hostUuid)) {
            if (VmStates.RUNNING.equals(vm.state())) {
                try {
                    HostInventory target = migrate(vm.uuid());
                    progress.accept("VM " + vm.name() + " (" + vm.uuid() + ") migrated to host " + target.name());
                    continue;
                } catch (ApiException e) {
                    if (e.error().code() != ErrorCode.NO_CAPACITY.code()) {
                        throw e;
                    }
                    LOG.info("No host can take VM {} off host {}: stopping it ({})", vm.uuid(), hostUuid, e.getMessage());
                }
            }
            vms.takeOffHost(vm.uuid(), true, VmStates.STOPPED);
            vms.announce(vm.uuid());
            progress.accept("VM " + vm.name() + " (" + vm.uuid() + ") stopped: no other host fits it");
        }
    }

    /**
     * Live-migrates a running VM to a host chosen by placement; on failure it stays on the source.
     *
     * @param uuid the VM @return the target host
     */
    HostInventory migrate(String uuid) throws Exception {
        VmInstanceEntity vm = vms.require(uuid);
        String source = vm.getHostUuid();
        HostInventory target = vms.placement().allocate(vms.placementFor(vm, Set.of(source), null, null)
                .ordered(vm.getAllocatorStrategy(), null));
        try {
            vms.migrate(uuid, source, target.uuid());
        } catch (Exception e) {
            vms.placement().release(target.uuid(), vm.getCpuNum(), vm.getMemorySize());
            throw e;
        }
        vms.vms().update(uuid, v -> {
            v.setHostUuid(target.uuid());
            v.setClusterUuid(target.clusterUuid());
            v.setLastHostUuid(source);
        });
        vms.placement().release(source, vm.getCpuNum(), vm.getMemorySize());
        vms.announce(uuid);
        return target;
    }

    @Override public String resourceType() { return VmInstanceInventory.RESOURCE_TYPE; }
    @Override public String voName() { return VO_NAME; }
    @Override public boolean exists(String uuid) { return vms.vms().find(uuid) != null; }
}
