package io.kumo.compute.backend;

import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.storage.BackupStorageBackend;
import io.kumo.api.storage.PrimaryStorageBackend;
import org.osgi.framework.BundleContext;

/** Every backend SPI's registry: hypervisors, primary storage and backup storage, found at runtime. */
public class Backends {
    private final BackendRegistry<HypervisorBackend> hypervisors;
    private final BackendRegistry<PrimaryStorageBackend> primaryStorage;
    private final BackendRegistry<BackupStorageBackend> backupStorage;

    /** @param context the bundle context (null for tests) */
    public Backends(BundleContext context) {
        hypervisors = new BackendRegistry<>(context, HypervisorBackend.class, "hypervisor", HypervisorBackend::hypervisorType);
        primaryStorage = new BackendRegistry<>(context, PrimaryStorageBackend.class, "primary storage", PrimaryStorageBackend::type);
        backupStorage = new BackendRegistry<>(context, BackupStorageBackend.class, "backup storage", BackupStorageBackend::type);
    }

    /** Starts tracking backends. */
    public void open() {
        hypervisors.open();
        primaryStorage.open();
        backupStorage.open();
    }

    /** Stops tracking backends. */
    public void close() {
        hypervisors.close();
        primaryStorage.close();
        backupStorage.close();
    }

    /** @return hypervisor backends by hypervisor type */
    public BackendRegistry<HypervisorBackend> hypervisors() { return hypervisors; }

    /** @return primary storage backends by storage type */
    public BackendRegistry<PrimaryStorageBackend> primaryStorage() { return primaryStorage; }

    /** @return backup storage backends by storage type */
    public BackendRegistry<BackupStorageBackend> backupStorage() { return backupStorage; }
}
