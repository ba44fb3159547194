package io.kumo.compute.volume;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.hypervisor.VmSpec;
import io.kumo.api.job.Step;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.tag.TagInventory;
import io.kumo.api.vm.VolumeInventory;
import io.kumo.compute.vm.VmInstanceEntity;
import io.kumo.compute.vm.VmLifecycle;
import io.kumo.compute.vm.VmStates;

import java.util.List;
import java.util.Set;

/**
 * What volume operations share: reading volumes and their VMs, their storage backends and hypervisors, the refusals
 * they have in common, the steps that plug and unplug a disk, and announcing changes.
 */
public class VolumeManager {
    /** The VO name of volumes in tags. */
    public static final String VO_NAME = "VolumeVO";
    /** Status of a data volume not yet on storage. */
    public static final String NOT_INSTANTIATED = "NotInstantiated";
    /** Status of a volume on storage. */
    public static final String READY = "Ready";
    /** Status of a data volume in the recycle bin. */
    public static final String DELETED = "Deleted";
    /** VM states in which a data volume may be attached or detached. */
    static final Set<String> ATTACHABLE_VM_STATES = Set.of(VmStates.RUNNING, VmStates.STOPPED);

    private final VmLifecycle vms;
    private final VolumeSnapshotStore snapshots;
    private final EventPublisher events;

    /** Wires the manager. */
    public VolumeManager(VmLifecycle vms, VolumeSnapshotStore snapshots, EventPublisher events) {
        this.vms = vms;
        this.snapshots = snapshots;
        this.events = events;
    }

    public VmLifecycle vms() { return vms; }
    public VolumeStore volumes() { return vms.volumes(); }
    public VolumeSnapshotStore snapshots() { return snapshots; }
    public EventPublisher events() { return events; }

    /** @param uuid a volume @return it @throws ApiException 404 if absent */
    public VolumeEntity require(String uuid) {
        VolumeEntity v = volumes().find(uuid);
        if (v == null) {
            throw ApiException.notFound(VolumeInventory.RESOURCE_TYPE, uuid);
        }
        return v;
    }

    /** @param uuid a volume @return it, a data volume not in the recycle bin @throws ApiException 404, 400, 409 */
    public VolumeEntity requireLiveData(String uuid) {
        VolumeEntity v = require(uuid);
        if (!VolumeEntity.DATA.equals(v.getType())) {
            throw ApiException.invalidArgument("volume " + uuid + " is the root volume of VM " + v.getVmInstanceUuid()
                    + "; only data volumes can be attached, detached or deleted on their own");
        }
        requireNotDeleted(v);
        return v;
    }

    /** @throws ApiException 409 if the volume is in the recycle bin */
    public static void requireNotDeleted(VolumeEntity v) {
        if (DELETED.equals(v.getStatus())) {
            throw new ApiException(ErrorCode.INVALID_STATE, "volume " + v.getUuid()
                    + " is Deleted (in the recycle bin); recover it with recoverDataVolume first");
        }
    }

    /** @param uuid a VM @return it @throws ApiException 404 if absent */
    public VmInstanceEntity vm(String uuid) { return vms.require(uuid); }

    /**
     * The kernel snapshots, reverts and deletes snapshots only of a volume no running VM writes to.
     *
     * @throws ApiException 409 naming the VM to stop
     */
    public void requireNoRunningWriter(VolumeEntity v, String what) {
        String vmUuid = v.getVmInstanceUuid();
        if (vmUuid == null) {
            return;
        }
        VmInstanceEntity vm = vms.vms().find(vmUuid);
        if (vm != null && (VmStates.ON_HOST.contains(vm.getState()) || vm.getHostUuid() != null)) {
            throw new ApiException(ErrorCode.INVALID_STATE, "volume " + v.getUuid() + " is attached to VM " + vmUuid
                    + ", which is " + vm.getState() + "; stop VM " + vmUuid + " first to " + what);
        }
    }

    /** @param uuid a primary storage @return it @throws ApiException 409 if it is gone */
    public PrimaryStorageInventory storage(String uuid) {
        return vms.storage().get(uuid).orElseThrow(() -> new ApiException(ErrorCode.INVALID_STATE,
                "primary storage " + uuid + " no longer exists"));
    }

    /** @param ps a primary storage @return its backend @throws ApiException 400 if none is installed */
    public PrimaryStorageBackend backend(PrimaryStorageInventory ps) {
        return vms.storage().backend(ps.type()).orElseThrow(() -> new ApiException(ErrorCode.TYPE_UNAVAILABLE,
                "no primary storage backend of type " + ps.type() + " is installed; install the feature that provides it"));
    }

    /** @param v a volume @return the host its VM runs on, for storage local to hosts, or null */
    public HostConnection hostOf(VolumeEntity v) {
        if (v.getVmInstanceUuid() == null) {
            return null;
        }
        VmInstanceEntity vm = vms.vms().find(v.getVmInstanceUuid());
        String host = vm == null ? null : vm.getHostUuid() != null ? vm.getHostUuid() : vm.getLastHostUuid();
        return host == null ? null : vms.hosts().connection(host).orElse(null);
    }

    /** @param resourceUuid a resource @return its tag texts */
    public List<String> tagsOf(String resourceUuid) {
        return vms.tags().tagsOf(resourceUuid).stream().map(TagInventory::tag).toList();
    }

    /** @param v a volume on storage @return its disk on a VM (bus and WWN from its tags) */
    public VmSpec.Disk disk(VolumeEntity v) { return VolumeTags.disk(v, tagsOf(v.getUuid())); }

    /** @param uuid a volume @param type what happened @return its inventory, announced */
    public VolumeInventory announce(String uuid, EventType type) {
        VolumeEntity v = volumes().find(uuid);
        if (v == null) {
            return null;
        }
        VolumeInventory inv = v.toInventory();
        events.publish(new ResourceEvent(type, VolumeInventory.RESOURCE_TYPE, uuid, inv, null, null, null, null));
        return inv;
    }

    /** @param vmUuid a VM @return the device id of a disk attached now: one past its highest */
    public int nextDeviceId(String vmUuid) {
        return volumes().volumesOf(vmUuid).stream().map(VolumeEntity::getDeviceId)
                .filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /**
     * Refuses before any job a backend that leaves an optional SPI method to its default (which throws
     * {@link HypervisorBackend.Unsupported}).
     *
     * @param backend the backend
     * @param method  the SPI method's name
     * @param what    what the caller wanted, e.g. {@code resizing volumes}
     * @param kind    the backend's type, for the message
     * @throws ApiException {@link ErrorCode#NOT_SUPPORTED} (400)
     */
    public static void requireImplemented(Object backend, String method, String what, String kind) {
        boolean implemented = false;
        for (java.lang.reflect.Method m : backend.getClass().getMethods()) {
            if (m.getName().equals(method) && !m.getDeclaringClass().isInterface()) {
                implemented = true;
                break;
            }
        }
        if (!implemented) {
            throw unsupported(kind, what);
        }
    }

    private static ApiException unsupported(String kind, String what) {
        return new ApiException(ErrorCode.NOT_SUPPORTED, "the " + kind + " backend does not support " + what
                + "; use a resource whose backend does, or do it another way");
    }

    /** A backend call. */
    @FunctionalInterface
    public interface BackendCall<T> {
        /** @return its result @throws Exception on failure */
        T call() throws Exception;
    }

    /**
     * Runs a backend call, turning {@link HypervisorBackend.Unsupported} into {@link ErrorCode#NOT_SUPPORTED}.
     *
     * @param kind the backend's type, for the message
     */
    public static <T> T call(String kind, BackendCall<T> call) throws Exception {
        try {
            return call.call();
        } catch (HypervisorBackend.Unsupported e) {
            throw unsupported(kind, e.getMessage());
        }
    }

    /**
     * A step unplugging a data volume from its VM while the VM runs; rollback plugs it back.
     *
     * @param volumeUuid the volume
     * @return the step {@code hot-unplug}
     */
    public Step hotUnplug(String volumeUuid) {
        return Step.of("hot-unplug", ctx -> {
            VolumeEntity v = require(volumeUuid);
            VmInstanceEntity vm = v.getVmInstanceUuid() == null ? null : vms.vms().find(v.getVmInstanceUuid());
            if (vm != null && VmStates.RUNNING.equals(vm.getState()) && vm.getHostUuid() != null) {
                HypervisorBackend hv = vms.hypervisor(vm.getHostUuid());
                call(hv.hypervisorType(), () -> {
                    hv.detachVolume(vms.connection(vm.getHostUuid()), vms.spec(vm.getUuid(), vm.getHostUuid()), disk(v));
                    return null;
                });
                ctx.put("unpluggedFrom", vm.getUuid());
                ctx.put("unpluggedOn", vm.getHostUuid());
            }
        }, ctx -> {
            String vmUuid = ctx.getString("unpluggedFrom");
            if (vmUuid != null) {
                String host = ctx.getString("unpluggedOn");
                VolumeEntity v = require(volumeUuid);
                vms.hypervisor(host).attachVolume(vms.connection(host), vms.spec(vmUuid, host), disk(v));
            }
        });
    }

    /**
     * A step taking a data volume off its VM's record; rollback puts it back at the same device id.
     *
     * @param volumeUuid the volume
     * @return the step {@code detach-volume}
     */
    public Step recordDetach(String volumeUuid) {
        return Step.of("detach-volume", ctx -> {
            VolumeEntity v = require(volumeUuid);
            if (v.getVmInstanceUuid() != null) {
                ctx.put("detachedFrom", v.getVmInstanceUuid());
                ctx.put("deviceId", v.getDeviceId());
                volumes().update(volumeUuid, x -> {
                    x.setVmInstanceUuid(null);
                    x.setDeviceId(null);
                });
            }
        }, ctx -> {
            String vmUuid = ctx.getString("detachedFrom");
            if (vmUuid != null) {
                Object device = ctx.get("deviceId");
                volumes().update(volumeUuid, x -> {
                    x.setVmInstanceUuid(vmUuid);
                    x.setDeviceId(device == null ? null : ((Number) device).intValue());
                });
            }
        });
    }

    /**
     * A step reserving a not yet instantiated volume's size on a primary storage and recording the storage on it;
     * rollback releases it. Nothing happens for a volume already on storage.
     *
     * @param volumeUuid the volume
     * @param storage    chooses the primary storage
     * @return the step {@code allocate-primary-storage}
     */
    public Step reserveCapacity(String volumeUuid, java.util.function.Supplier<String> storage) {
        return Step.of("allocate-primary-storage", ctx -> {
            VolumeEntity v = require(volumeUuid);
            if (!NOT_INSTANTIATED.equals(v.getStatus()) || v.getPrimaryStorageUuid() != null) {
                return;
            }
            String ps = storage.get();
            if (!vms.storage().reserveCapacity(ps, v.getSize())) {
                throw new ApiException(ErrorCode.NO_CAPACITY, "primary storage " + ps + " has less than " + v.getSize()
                        + " bytes available for volume " + volumeUuid + "; free space or add capacity");
            }
            ctx.put("reservedOn", ps);
            ctx.put("reservedBytes", v.getSize());
            volumes().update(volumeUuid, x -> x.setPrimaryStorageUuid(ps));
        }, ctx -> {
            String ps = ctx.getString("reservedOn");
            if (ps != null) {
                vms.storage().releaseCapacity(ps, ((Number) ctx.get("reservedBytes")).longValue());
                volumes().update(volumeUuid, x -> x.setPrimaryStorageUuid(null));
            }
        });
    }

    /**
     * A step creating a not yet instantiated data volume on its primary storage; rollback deletes it there.
     *
     * @param volumeUuid the volume
     * @param host       the host the volume's VM runs or will run on, or null
     * @return the step {@code instantiate-volume}
     */
    public Step instantiate(String volumeUuid, java.util.function.Supplier<HostConnection> host) {
        return Step.of("instantiate-volume", ctx -> {
            VolumeEntity v = require(volumeUuid);
            if (!NOT_INSTANTIATED.equals(v.getStatus())) {
                return;
            }
            PrimaryStorageInventory ps = storage(v.getPrimaryStorageUuid());
            PrimaryStorageBackend backend = backend(ps);
            io.kumo.api.storage.VolumeInstantiation made = backend.createDataVolume(ps, host.get(), volumeUuid, v.getSize());
            ctx.put("instantiatedAt", made.installPath());
            volumes().update(volumeUuid, x -> {
                x.setInstallPath(made.installPath());
                x.setActualSize(made.actualSize());
                x.setFormat(made.format());
                x.setStatus(READY);
            });
        }, ctx -> {
            String path = ctx.getString("instantiatedAt");
            if (path != null) {
                VolumeEntity v = require(volumeUuid);
                PrimaryStorageInventory ps = storage(v.getPrimaryStorageUuid());
                backend(ps).deleteVolume(ps, host.get(), path);
                volumes().update(volumeUuid, x -> {
                    x.setInstallPath(null);
                    x.setActualSize(0);
                    x.setStatus(NOT_INSTANTIATED);
                });
            }
        });
    }
}
