package io.kumo.simulator.storage;

import io.kumo.api.image.ImageInventory;
import io.kumo.api.operation.AddOperationSpec;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.BackupStorageInventory;
import io.kumo.api.storage.ImageDownload;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.simulator.SimulatorException;
import io.kumo.simulator.fault.FaultInjector;
import io.kumo.simulator.fault.SimulatedCall;

import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The {@code SimulatorBackupStorage} type: images kept in memory at {@code simulator://<storageUuid>/<imageUuid>};
 * a download reports progress in four steps (an injected latency is spread over them) and finds what
 * {@link SimulatedImage} says is at the URL.
 */
public class SimulatorBackupStorageBackend implements BackupStorageBackend {
    /** The storage type. */
    public static final String TYPE = "SimulatorBackupStorage";
    private static final int PROGRESS_STEPS = 4;

    private static final AddOperationSpec ADD_OPERATION = new AddOperationSpec("AddSimulatorBackupStorage",
            "/backup-storage/simulators", "Add simulated backup storage with the capacity given", CapacityParameters.all());

    private final SimulatedStorages storages;
    private final FaultInjector faults;

    /** @param storages the simulated backup storages @param faults the injections */
    public SimulatorBackupStorageBackend(SimulatedStorages storages, FaultInjector faults) {
        this.storages = storages;
        this.faults = faults;
    }

    @Override public String type() { return TYPE; }

    @Override public AddOperationSpec addOperation() { return ADD_OPERATION; }

    @Override
    public StorageCapacity connect(BackupStorageInventory storage, Map<String, String> properties) throws SimulatorException {
        faults.apply(SimulatedCall.CONNECT, storages.label(), storage.uuid(), null);
        return storages.connect(storage.uuid(), properties);
    }

    @Override
    public ImageDownload downloadImage(BackupStorageInventory storage, ImageInventory image, IntConsumer progress)
            throws SimulatorException {
        FaultInjector.Outcome outcome = faults.next(SimulatedCall.DOWNLOAD_IMAGE, storages.label(), storage.uuid(), image.uuid());
        SimulatedImage found = SimulatedImage.at(image.url(), image.format());
        for (int step = 1; step <= PROGRESS_STEPS; step++) {
            sleep(outcome.latencyMs() / PROGRESS_STEPS, image);
            if (step == PROGRESS_STEPS / 2 && outcome.failure() != null) {
                throw new SimulatorException(outcome.failure());
            }
            if (step < PROGRESS_STEPS) {
                progress.accept(step * 100 / PROGRESS_STEPS);
            }
        }
        SimulatedStorage simulated = storages.get(storage.uuid());
        String path = simulated.installPath(image.uuid());
        simulated.put(path, found.size());
        progress.accept(100);
        return new ImageDownload(path, found.size(), found.size(), found.format(), found.md5Sum());
    }

    private static void sleep(long ms, ImageInventory image) throws SimulatorException {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException("the download of image " + image.uuid() + " was interrupted");
        }
    }

    @Override
    public void deleteImage(BackupStorageInventory storage, String installPath) throws SimulatorException {
        faults.apply(SimulatedCall.DELETE_IMAGE, storages.label(), storage.uuid(), null);
        storages.get(storage.uuid()).remove(installPath);
    }

    /** Exports an image: a fake {@code http://127.0.0.1/simulator-exports/...} URL (nothing serves it). */
    @Override
    public String exportImage(BackupStorageInventory storage, String installPath, String imageUuid) throws SimulatorException {
        faults.apply(SimulatedCall.EXPORT_IMAGE, storages.label(), storage.uuid(), imageUuid);
        return "http://127.0.0.1/simulator-exports/" + storage.uuid() + "/" + imageUuid;
    }
}
