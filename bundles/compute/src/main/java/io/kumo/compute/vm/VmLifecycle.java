package io.kumo.compute.vm;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.host.HostInventory;
import io.kumo.api.host.HostService;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.job.Step;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.network.NetworkService;
import io.kumo.api.offering.HostAllocatorStrategy;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.PrimaryStorageService;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.tag.TagService;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.api.vm.VolumeInventory;
import io.kumo.compute.backend.Backends;
import io.kumo.compute.placement.Placement;
import io.kumo.compute.placement.PlacementRequest;
import io.kumo.compute.quota.Quotas;
import io.kumo.compute.volume.VolumeEntity;
import io.kumo.compute.volume.VolumeStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What VM operations share: reading VMs, driving their hypervisor and storage backends, placing them and releasing
 * what they hold. Operations build their steps from these pieces; evacuation and delete cascades call them directly.
 */
public class VmLifecycle {
    /** The system tag requiring a host tag: {@code hostTag::<tag>}. */
    public static final String HOST_TAG_PREFIX = "hostTag::";
    /** The system tag choosing hard or soft placement: {@code allocator::mode::hard|soft}. */
    public static final String MODE_PREFIX = "allocator::mode::";

    private final VmStore vms;
    private final VolumeStore volumes;
    private final HostService hosts;
    private final PrimaryStorageService storage;
    private final NetworkService networks;
    private final Backends backends;
    private final Placement placement;
    private final TagService tags;
    private final EventPublisher events;
    private VmSettings settings;
    private Quotas quotas = Quotas.NONE;

    /** Wires the lifecycle. */
    public VmLifecycle(VmStore vms, VolumeStore volumes, HostService hosts, PrimaryStorageService storage,
                       NetworkService networks, Backends backends, Placement placement, TagService tags,
                       EventPublisher events) {
        this.vms = vms;
        this.volumes = volumes;
        this.hosts = hosts;
        this.storage = storage;
        this.networks = networks;
        this.backends = backends;
        this.placement = placement;
        this.tags = tags;
        this.events = events;
    }

    public VmStore vms() { return vms; }
    public VolumeStore volumes() { return volumes; }
    public Placement placement() { return placement; }
    public HostService hosts() { return hosts; }
    public PrimaryStorageService storage() { return storage; }
    public NetworkService networks() { return networks; }
    public Backends backends() { return backends; }
    public TagService tags() { return tags; }
    public EventPublisher events() { return events; }

    /** @param uuid a VM @return it @throws ApiException 404 if absent */
    public VmInstanceEntity require(String uuid) {
        VmInstanceEntity vm = vms.find(uuid);
        if (vm == null) {
            throw ApiException.notFound(VmInstanceInventory.RESOURCE_TYPE, uuid);
        }
        return vm;
    }

    /**
     * The first step of an action: checks the state again (an earlier job on the VM may have changed it) and shows
     * the transition; rollback puts the previous state back.
     *
     * @param uuid the VM @param action the action key @param transientState the state while the job runs
     * @return the step
     */
    public Step begin(String uuid, String action, String transientState) {
        return Step.of("check-state", ctx -> {
            VmInstanceEntity vm = require(uuid);
            VmStates.require(uuid, vm.getState(), action);
            ctx.put("previousState", vm.getState());
            vms.update(uuid, v -> v.setState(transientState));
        }, ctx -> {
            String previous = ctx.getString("previousState");
            if (previous != null) {
                vms.update(uuid, v -> v.setState(previous));
            }
        });
    }

    /** @param uuid a VM @param state its new state @return its inventory, announced as UPDATED */
    public VmInstanceInventory settle(String uuid, String state) {
        vms.update(uuid, v -> v.setState(state));
        return announce(uuid);
    }

    /** @param uuid a VM @return its inventory, announced as UPDATED */
    public VmInstanceInventory announce(String uuid) {
        VmInstanceInventory inv = vms.inventory(uuid);
        if (inv != null) {
            events.publish(new ResourceEvent(EventType.UPDATED, VmInstanceInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        }
        return inv;
    }

    /** @param hostUuid a host @return how to reach it @throws ApiException 409 if it is gone */
    public HostConnection connection(String hostUuid) {
        return hosts.connection(hostUuid).orElseThrow(() -> new ApiException(ErrorCode.INVALID_STATE,
                "host " + hostUuid + " no longer exists; stop the VM and start it elsewhere"));
    }

    /** @param hostUuid a host @return the backend of its hypervisor type */
    public HypervisorBackend hypervisor(String hostUuid) {
        HostInventory host = hosts.get(hostUuid).orElseThrow(() -> ApiException.notFound(HostInventory.RESOURCE_TYPE, hostUuid));
        return backends.hypervisors().require(host.hypervisorType());
    }

    /** @param vmUuid a VM @param hostUuid the host it runs on @return what its hypervisor needs */
    public VmSpec spec(String vmUuid, String hostUuid) {
        VmInstanceEntity vm = require(vmUuid);
        List<VmSpec.Disk> disks = new ArrayList<>();
        for (VolumeEntity v : volumes.volumesOf(vmUuid)) {
            if (v.getInstallPath() != null) {
                // data volumes in deviceId order; their system tags choose the bus (virtio-scsi with a WWN)
                List<String> volumeTags = VolumeEntity.ROOT.equals(v.getType()) ? List.of()
                        : tags.tagsOf(v.getUuid()).stream().map(TagInventory::tag).toList();
                disks.add(io.kumo.compute.volume.VolumeTags.disk(v, volumeTags));
            }
        }
        List<VmSpec.Nic> nics = new ArrayList<>();
        for (VmNicEntity n : vms.nicsOf(vmUuid)) {
            nics.add(nicSpec(n));
        }
        java.util.Map<String, String> values = settings == null ? java.util.Map.of() : settings.of(vmUuid);
        return new VmSpec(vmUuid, vm.getName(), hostUuid, vm.getCpuNum(), vm.getMemorySize(), vm.getPlatform(), disks,
                nics, VmSpecSettings.properties(values, tags.tagsOf(vmUuid).stream().map(TagInventory::tag).toList()),
                VmSpecSettings.cdroms(values));
    }

    /** @param n a NIC @return what its hypervisor needs of it */
    public VmSpec.Nic nicSpec(VmNicEntity n) {
        L3NetworkInventory l3 = networks.l3Network(n.getL3NetworkUuid()).orElse(null);
        L2NetworkInventory l2 = l3 == null ? null : networks.l2Network(l3.l2NetworkUuid()).orElse(null);
        return new VmSpec.Nic(n.getUuid(), n.getMac(), n.getIp(), n.getL3NetworkUuid(),
                l2 == null ? null : l2.type(), l2 == null ? null : l2.physicalInterface(),
                l2 == null ? null : (l2.vlan() != null ? l2.vlan() : l2.vni()), l3 == null ? 1500 : l3.mtu(),
                n.getDeviceId());
    }

    /** @param settings the VM settings store (boot order, console password, ISO), set by Blueprint */
    public void setSettings(VmSettings settings) { this.settings = settings; }

    /** @return the VM settings store */
    public VmSettings settings() { return settings; }

    /** @param quotas the quota checks of accounts, set by Blueprint (none: unlimited) */
    public void setQuotas(Quotas quotas) { this.quotas = quotas == null ? Quotas.NONE : quotas; }

    /** @return the quota checks of accounts */
    public Quotas quotas() { return quotas; }

    /** Starts a VM on a host through the host's hypervisor backend. */
    public void startOn(String vmUuid, String hostUuid) throws Exception {
        hypervisor(hostUuid).startVm(connection(hostUuid), spec(vmUuid, hostUuid));
    }

    /** Stops a VM on a host. */
    public void stopOn(String vmUuid, String hostUuid, boolean force) throws Exception {
        hypervisor(hostUuid).stopVm(connection(hostUuid), spec(vmUuid, hostUuid), force);
    }

    /** Live-migrates a running VM between two hosts of the same hypervisor. */
    public void migrate(String vmUuid, String sourceHostUuid, String targetHostUuid) throws Exception {
        hypervisor(sourceHostUuid).migrateVm(connection(sourceHostUuid), connection(targetHostUuid), spec(vmUuid, targetHostUuid));
    }

    /** Removes a VM from a host; quiet if the host is gone. */
    public void destroyOn(String vmUuid, String hostUuid) throws Exception {
        if (hosts.get(hostUuid).isPresent()) {
            hypervisor(hostUuid).destroyVm(connection(hostUuid), spec(vmUuid, hostUuid));
        }
    }

    /**
     * @param vm       a VM to place
     * @param excluded hosts to avoid
     * @param cluster  a requested cluster, or null
     * @param host     a requested host, or null
     * @return the placement request of the VM: its size, networks, root volume storage, host tags and strategy
     */
    public PlacementRequest placementFor(VmInstanceEntity vm, Set<String> excluded, String cluster, String host) {
        List<String> l3s = vms.nicsOf(vm.getUuid()).stream().map(VmNicEntity::getL3NetworkUuid).distinct().toList();
        VolumeEntity root = vm.getRootVolumeUuid() == null ? null : volumes.find(vm.getRootVolumeUuid());
        List<String> systemTags = tags.tagsOf(vm.getUuid()).stream().map(TagInventory::tag).toList();
        String strategy = vm.getAllocatorStrategy() == null ? HostAllocatorStrategy.DEFAULT : vm.getAllocatorStrategy();
        return PlacementRequest.of(vm.getCpuNum(), vm.getMemorySize())
                .within(vm.getZoneUuid(), cluster, host)
                .reaching(l3s, 0, root == null ? null : root.getPrimaryStorageUuid())
                .tagged(hostTags(systemTags), softMode(systemTags))
                .ordered(strategy, vm.getLastHostUuid())
                .restricted(null, excluded);
    }

    /** @param systemTags tag texts @return the host tags they require */
    public static List<String> hostTags(List<String> systemTags) {
        return systemTags.stream().filter(t -> t.startsWith(HOST_TAG_PREFIX)).map(t -> t.substring(HOST_TAG_PREFIX.length())).toList();
    }

    /** @param systemTags tag texts @return true if they ask for soft placement */
    public static boolean softMode(List<String> systemTags) {
        return systemTags.contains(MODE_PREFIX + HostAllocatorStrategy.MODE_SOFT);
    }

    /**
     * A step reserving a host for a VM and recording it on the VM; rollback releases it and clears the VM's host.
     *
     * @param uuid the VM @param request what to place
     * @return the step {@code allocate-host}
     */
    public Step allocateHost(String uuid, java.util.function.Supplier<PlacementRequest> request) {
        return Step.of("allocate-host", ctx -> {
            PlacementRequest r = request.get();
            HostInventory host = placement.allocate(r);
            ctx.put("hostUuid", host.uuid());
            ctx.put("reservedCpu", r.cpuNum());
            ctx.put("reservedMemory", r.memory());
            vms.update(uuid, v -> {
                v.setHostUuid(host.uuid());
                v.setClusterUuid(host.clusterUuid());
                v.setHypervisorType(host.hypervisorType());
                v.setZoneUuid(host.zoneUuid());
            });
        }, ctx -> {
            String host = ctx.getString("hostUuid");
            if (host != null) {
                placement.release(host, ((Number) ctx.get("reservedCpu")).intValue(), ((Number) ctx.get("reservedMemory")).longValue());
                vms.update(uuid, v -> v.setHostUuid(null));
            }
        });
    }

    /**
     * Takes a VM off its host: stops it there (forced or graceful), releases the host's capacity and keeps the host
     * as the last one. Nothing happens for a VM without a host.
     *
     * @param uuid the VM @param force power off at once @param state the state it ends in
     */
    public void takeOffHost(String uuid, boolean force, String state) throws Exception {
        VmInstanceEntity vm = require(uuid);
        String host = vm.getHostUuid();
        if (host != null) {
            if (hosts.get(host).isPresent()) {
                stopOn(uuid, host, force);
            }
            releaseHostOf(uuid);
        }
        vms.update(uuid, v -> v.setState(state));
    }

    /** Releases the capacity a VM holds on its host and clears its host (keeping it as the last host). */
    public void releaseHostOf(String uuid) {
        VmInstanceEntity vm = require(uuid);
        String host = vm.getHostUuid();
        if (host != null) {
            placement.release(host, vm.getCpuNum(), vm.getMemorySize());
            vms.update(uuid, v -> {
                v.setLastHostUuid(host);
                v.setHostUuid(null);
            });
        }
    }

    /**
     * Expunges a VM at once: off its host, volumes deleted from storage and their space released, IPs released, rows
     * and tags removed. Used where no rollback applies (delete cascades, Direct deletion); failures propagate and
     * leave what remains to a retry.
     *
     * @param uuid the VM
     */
    public void expunge(String uuid) throws Exception {
        VmInstanceEntity vm = vms.find(uuid);
        if (vm == null) {
            return;
        }
        VmInstanceInventory inv = vms.inventory(uuid);
        if (vm.getHostUuid() != null) {
            destroyOn(uuid, vm.getHostUuid());
            releaseHostOf(uuid);
        }
        for (VolumeEntity v : volumes.volumesOf(uuid)) {
            deleteVolume(v);
        }
        for (VmNicEntity n : vms.nicsOf(uuid)) {
            removeNic(n);
        }
        tags.detachAll(uuid);
        vms.delete(uuid);
        events.publish(new ResourceEvent(EventType.DELETED, VmInstanceInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
    }

    /** Deletes a volume from its storage, returns its space and removes its row. */
    public void deleteVolume(VolumeEntity v) throws Exception {
        if (v.getInstallPath() != null && v.getPrimaryStorageUuid() != null) {
            PrimaryStorageInventory ps = storage.get(v.getPrimaryStorageUuid()).orElse(null);
            if (ps != null) {
                PrimaryStorageBackend backend = storage.backend(ps.type()).orElseThrow(() -> new ApiException(
                        ErrorCode.TYPE_UNAVAILABLE, "no primary storage backend of type " + ps.type()
                        + " is installed; install it to delete volume " + v.getUuid()));
                backend.deleteVolume(ps, null, v.getInstallPath());
            }
        }
        if (v.getPrimaryStorageUuid() != null) {
            storage.releaseCapacity(v.getPrimaryStorageUuid(), v.getSize());
        }
        volumes.delete(v.getUuid());
        VolumeInventory inv = v.toInventory();
        events.publish(new ResourceEvent(EventType.DELETED, VolumeInventory.RESOURCE_TYPE, v.getUuid(), inv, null, null, null, null));
    }

    /** Releases a NIC's IP and removes its row. */
    public void removeNic(VmNicEntity n) {
        if (n.getUsedIpUuid() != null) {
            networks.releaseIp(n.getUsedIpUuid());
        }
        vms.deleteNic(n.getUuid());
    }
}
