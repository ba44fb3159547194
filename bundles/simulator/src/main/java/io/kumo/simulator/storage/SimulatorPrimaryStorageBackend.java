package io.kumo.simulator.storage;

import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.image.ImageInventory;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.SnapshotInstantiation;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.api.storage.VolumeInstantiation;
import io.kumo.simulator.SimulatorException;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.SimulatedCall;

import java.util.Map;

/**
 * The {@code SimulatorPrimaryStorage} type: volumes kept in memory at {@code simulator://<storageUuid>/<volumeUuid>},
 * taking their virtual size from the capacity the storage was added with.
 */
public class SimulatorPrimaryStorageBackend implements PrimaryStorageBackend {
    /** The storage type. */
    public static final String TYPE = "SimulatorPrimaryStorage";
    /** The size of a root volume made from an image of unknown size: 1 GiB. */
    static final long DEFAULT_VOLUME_SIZE = 1L << 30;
    /** Property: the storage behaves as local to each host. */
    public static final String LOCAL_TO_HOSTS = "localToHosts";

    private static final AddOperationSpec ADD_OPERATION = new AddOperationSpec("AddSimulatorPrimaryStorage",
            "/primary-storage/simulators", "Add simulated primary storage with the capacity given",
            CapacityParameters.primary());

    private final SimulatedStorages storages;
    private final FaultInjector faults;

    /** @param storages the simulated primary storages @param faults the injections */
    public SimulatorPrimaryStorageBackend(SimulatedStorages storages, FaultInjector faults) {
        this.storages = storages;
        this.faults = faults;
    }

    @Override public String type() { return TYPE; }

    @Override public AddOperationSpec addOperation() { return ADD_OPERATION; }

    @Override
    public StorageCapacity connect(PrimaryStorageInventory storage, Map<String, String> properties) throws SimulatorException {
        faults.apply(SimulatedCall.CONNECT, storages.label(), storage.uuid(), null);
        return storages.connect(storage.uuid(), properties);
    }

    @Override
    public VolumeInstantiation createRootVolume(PrimaryStorageInventory storage, HostConnection host, String volumeUuid,
                                                ImageInventory image, String imageInstallPath) throws SimulatorException {
        faults.apply(SimulatedCall.CREATE_ROOT_VOLUME, storages.label(), storage.uuid(), volumeUuid);
        long size = image.size() > 0 ? image.size() : DEFAULT_VOLUME_SIZE;
        long actualSize = image.actualSize() > 0 ? Math.min(image.actualSize(), size) : size;
        String format = "raw".equals(image.format()) ? "raw" : "qcow2";
        return create(storage, volumeUuid, size, actualSize, format);
    }

    @Override
    public VolumeInstantiation createDataVolume(PrimaryStorageInventory storage, HostConnection host, String volumeUuid,
                                                long size) throws SimulatorException {
        faults.apply(SimulatedCall.CREATE_DATA_VOLUME, storages.label(), storage.uuid(), volumeUuid);
        if (size <= 0) {
            throw new SimulatorException("a data volume needs a size > 0 bytes, not " + size);
        }
        return create(storage, volumeUuid, size, 0, "qcow2");
    }

    private VolumeInstantiation create(PrimaryStorageInventory storage, String volumeUuid, long size, long actualSize,
                                       String format) throws SimulatorException {
        SimulatedStorage simulated = storages.get(storage.uuid());
        String path = simulated.installPath(volumeUuid);
        simulated.put(path, size);
        return new VolumeInstantiation(path, size, actualSize, format);
    }

    @Override
    public void deleteVolume(PrimaryStorageInventory storage, HostConnection host, String installPath) throws SimulatorException {
        faults.apply(SimulatedCall.DELETE_VOLUME, storages.label(), storage.uuid(), null);
        storages.get(storage.uuid()).remove(installPath);
    }

    @Override
    public StorageCapacity connectHost(PrimaryStorageInventory storage, HostConnection host, Map<String, String> properties)
            throws SimulatorException {
        if (properties == null || !Boolean.parseBoolean(properties.get(LOCAL_TO_HOSTS))) {
            return null;
        }
        faults.apply(SimulatedCall.CONNECT_HOST, storages.label(), storage.uuid(), host.hostUuid());
        return storages.perHost(storage.uuid(), properties);
    }

    @Override
    public VolumeInstantiation resizeVolume(PrimaryStorageInventory storage, HostConnection host, String installPath,
                                            long size) throws SimulatorException {
        faults.apply(SimulatedCall.RESIZE_VOLUME, storages.label(), storage.uuid(), volumeOf(installPath));
        storages.get(storage.uuid()).resize(installPath, size);
        return new VolumeInstantiation(installPath, size, 0, "qcow2");
    }

    @Override
    public SnapshotInstantiation createSnapshot(PrimaryStorageInventory storage, HostConnection host, String installPath,
                                                String snapshotUuid) throws SimulatorException {
        faults.apply(SimulatedCall.CREATE_SNAPSHOT, storages.label(), storage.uuid(), volumeOf(installPath));
        return new SnapshotInstantiation(storages.get(storage.uuid()).snapshot(installPath, snapshotUuid), 0);
    }

    @Override
    public void revertSnapshot(PrimaryStorageInventory storage, HostConnection host, String installPath,
                               String snapshotInstallPath) throws SimulatorException {
        faults.apply(SimulatedCall.REVERT_SNAPSHOT, storages.label(), storage.uuid(), volumeOf(installPath));
        storages.get(storage.uuid()).requireSnapshot(installPath, snapshotInstallPath);
    }

    @Override
    public void deleteSnapshot(PrimaryStorageInventory storage, HostConnection host, String installPath,
                               String snapshotInstallPath) throws SimulatorException {
        faults.apply(SimulatedCall.DELETE_SNAPSHOT, storages.label(), storage.uuid(), volumeOf(installPath));
        storages.get(storage.uuid()).removeSnapshot(snapshotInstallPath);
    }

    /** @return the volume uuid at the end of a simulated install path, for injections on a volume */
    private static String volumeOf(String installPath) {
        return installPath == null ? null : installPath.substring(installPath.lastIndexOf('/') + 1);
    }

    /** Caches an image for a host: at {@code simulator://<storageUuid>/imagecache/<imageUuid>}, taking no space. */
    @Override
    public String cacheImage(PrimaryStorageInventory storage, HostConnection host, io.kumo.api.image.ImageInventory image,
                             String imageInstallPath) throws SimulatorException {
        faults.apply(SimulatedCall.CACHE_IMAGE, storages.label(), storage.uuid(), image.uuid());
        return "simulator://" + storage.uuid() + "/imagecache/" + image.uuid();
    }
}
