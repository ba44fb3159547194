package io.kumo.simulator.fault;

import java.util.Arrays;
import java.util.List;

/** The backend calls whose latency and failures can be injected, by their wire names. */
public enum SimulatedCall {
    /** Every call (a wildcard in injections). */
    ALL("all"),
    /** {@code HypervisorBackend.connect}. */
    CONNECT("connect"),
    /** {@code HypervisorBackend.ping}. */
    PING("ping"),
    /** {@code HypervisorBackend.startVm}. */
    START_VM("startVm"),
    /** {@code HypervisorBackend.stopVm}. */
    STOP_VM("stopVm"),
    /** {@code HypervisorBackend.rebootVm}. */
    REBOOT_VM("rebootVm"),
    /** {@code HypervisorBackend.pauseVm}. */
    PAUSE_VM("pauseVm"),
    /** {@code HypervisorBackend.resumeVm}. */
    RESUME_VM("resumeVm"),
    /** Live migration of a VM (injections on the source host). */
    MIGRATE_VM("migrateVm"),
    /** {@code HypervisorBackend.destroyVm}. */
    DESTROY_VM("destroyVm"),
    /** {@code HypervisorBackend.vmStates}. */
    VM_STATES("vmStates"),
    /** {@code PrimaryStorageBackend.createRootVolume}. */
    CREATE_ROOT_VOLUME("createRootVolume"),
    /** {@code PrimaryStorageBackend.createDataVolume}. */
    CREATE_DATA_VOLUME("createDataVolume"),
    /** {@code PrimaryStorageBackend.deleteVolume}. */
    DELETE_VOLUME("deleteVolume"),
    /** {@code BackupStorageBackend.downloadImage}. */
    DOWNLOAD_IMAGE("downloadImage"),
    /** {@code BackupStorageBackend.deleteImage}. */
    DELETE_IMAGE("deleteImage"),
    /** {@code HypervisorBackend.attachVolume}. */
    ATTACH_VOLUME("attachVolume"),
    /** {@code HypervisorBackend.detachVolume}. */
    DETACH_VOLUME("detachVolume"),
    /** {@code PrimaryStorageBackend.resizeVolume}. */
    RESIZE_VOLUME("resizeVolume"),
    /** {@code PrimaryStorageBackend.createSnapshot}. */
    CREATE_SNAPSHOT("createSnapshot"),
    /** {@code PrimaryStorageBackend.revertSnapshot}. */
    REVERT_SNAPSHOT("revertSnapshot"),
    /** {@code PrimaryStorageBackend.deleteSnapshot}. */
    DELETE_SNAPSHOT("deleteSnapshot"),
    /** {@code PrimaryStorageBackend.connectHost}. */
    CONNECT_HOST("connectHost"),
    /** {@code HypervisorBackend.attachNic}. */
    ATTACH_NIC("attachNic"),
    /** {@code HypervisorBackend.detachNic}. */
    DETACH_NIC("detachNic"),
    /** {@code HypervisorBackend.changeCdrom}. */
    CHANGE_CDROM("changeCdrom"),
    /** {@code HypervisorBackend.changeCpuMemory}. */
    CHANGE_CPU_MEMORY("changeCpuMemory"),
    /** {@code HypervisorBackend.consoleEndpoint}. */
    CONSOLE_ENDPOINT("consoleEndpoint"),
    /** {@code PrimaryStorageBackend.cacheImage}. */
    CACHE_IMAGE("cacheImage"),
    /** {@code BackupStorageBackend.exportImage}. */
    EXPORT_IMAGE("exportImage");

    private final String wireName;

    SimulatedCall(String wireName) { this.wireName = wireName; }

    /** @return the name used in operations, e.g. {@code startVm} */
    public String wireName() { return wireName; }

    /** @return every wire name, for parameter validation */
    public static String[] wireNames() {
        return Arrays.stream(values()).map(SimulatedCall::wireName).toArray(String[]::new);
    }

    /**
     * @param wireName a wire name, e.g. {@code startVm}
     * @return the call
     * @throws IllegalArgumentException if unknown
     */
    public static SimulatedCall of(String wireName) {
        for (SimulatedCall c : values()) {
            if (c.wireName.equals(wireName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown simulated call '" + wireName + "'; one of " + List.of(wireNames()));
    }
}
