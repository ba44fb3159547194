package io.kumo.api.hypervisor;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Drives the hosts of one hypervisor type. Register one as an OSGi service; the kernel finds it by
 * {@link #hypervisorType()} when a cluster of that type is created or a host is added, connected, pinged or asked to
 * run a VM. While no backend of a type is registered, that type is refused with a clear error.
 * <p>
 * Methods that talk to a host may block; the kernel calls them from job threads. {@link #ping} must not block: the
 * kernel pings thousands of hosts from a few threads.
 */
public interface HypervisorBackend {
    /** The service property that repeats {@link #hypervisorType()}, for filtering. */
    String TYPE_PROPERTY = "kumo.hypervisor.type";

    /** @return the hypervisor type, e.g. {@code Simulator} or {@code KVM} */
    String hypervisorType();

    /**
     * @return the operation that adds a host of this type; the kernel's common parameters are {@code name}, {@code description}, {@code managementIp}, {@code clusterUuid}, {@code resourceUuid}; {@code username} and {@code password} go to {@link HostConnection}'s fields, the rest to its properties
     */
    io.kumo.api.operation.AddOperationSpec addOperation();

    /**
     * Connects to a host (or reconnects) and reads its facts.
     *
     * @param host how to reach it
     * @return its facts
     * @throws Exception if it cannot be reached; the message tells the operator what to check
     */
    HostFacts connect(HostConnection host) throws Exception;

    /**
     * Checks a host is alive.
     *
     * @param host how to reach it
     * @return completes with true if it answered, false (or exceptionally) if not
     */
    CompletionStage<Boolean> ping(HostConnection host);

    /**
     * Forgets a host (after it is deleted); must not fail if the host is unreachable.
     *
     * @param host the host
     */
    default void disconnect(HostConnection host) { }

    /** @param host the host @param vm the VM to create and start there @throws Exception on failure */
    void startVm(HostConnection host, VmSpec vm) throws Exception;

    /**
     * Stops a VM.
     *
     * @param host  the host
     * @param vm    the VM
     * @param force true to power it off at once, false to ask the guest to shut down first
     * @throws Exception on failure
     */
    void stopVm(HostConnection host, VmSpec vm, boolean force) throws Exception;

    /** @param host the host @param vm the VM @throws Exception on failure */
    void rebootVm(HostConnection host, VmSpec vm) throws Exception;

    /** @param host the host @param vm the VM @throws Exception on failure */
    void pauseVm(HostConnection host, VmSpec vm) throws Exception;

    /** @param host the host @param vm the VM @throws Exception on failure */
    void resumeVm(HostConnection host, VmSpec vm) throws Exception;

    /**
     * Live-migrates a running VM to another host of the same type: when this returns, the VM runs on the target and
     * no longer on the source. On failure the VM must still run on the source.
     *
     * @param source the host it runs on
     * @param target the host to move it to
     * @param vm     the VM (its {@code hostUuid} is the target)
     * @throws Exception on failure
     */
    void migrateVm(HostConnection source, HostConnection target, VmSpec vm) throws Exception;

    /**
     * Removes a VM from the host, stopping it if it runs; must succeed if the VM is already gone.
     *
     * @param host the host
     * @param vm   the VM
     * @throws Exception on failure
     */
    void destroyVm(HostConnection host, VmSpec vm) throws Exception;

    /**
     * Reports the power state of every VM the host knows, for syncing after a reconnect.
     *
     * @param host the host
     * @return VM uuid to state
     * @throws Exception if the host cannot be asked
     */
    Map<String, VmPowerState> vmStates(HostConnection host) throws Exception;

    /**
     * Hot-plugs a data volume into a running VM. The kernel calls it only while the VM runs; a stopped VM gets the
     * disk at its next start.
     *
     * @param host the host
     * @param vm   the VM, already listing the disk
     * @param disk the disk to plug
     * @throws Exception on failure, the VM unchanged; {@link Unsupported} if this type cannot
     */
    default void attachVolume(HostConnection host, VmSpec vm, VmSpec.Disk disk) throws Exception {
        throw new Unsupported("attaching a volume to a running VM");
    }

    /**
     * Unplugs a data volume from a running VM.
     *
     * @param host the host
     * @param vm   the VM, still listing the disk
     * @param disk the disk to unplug
     * @throws Exception on failure, the VM unchanged; {@link Unsupported} if this type cannot
     */
    default void detachVolume(HostConnection host, VmSpec vm, VmSpec.Disk disk) throws Exception {
        throw new Unsupported("detaching a volume from a running VM");
    }

    /**
     * Hot-plugs a NIC into a running VM.
     *
     * @param host the host
     * @param vm   the VM, already listing the NIC
     * @param nic  the NIC to plug
     * @throws Exception on failure, the VM unchanged; {@link Unsupported} if this type cannot
     */
    default void attachNic(HostConnection host, VmSpec vm, VmSpec.Nic nic) throws Exception {
        throw new Unsupported("attaching a NIC to a running VM");
    }

    /**
     * Unplugs a NIC from a running VM.
     *
     * @param host the host
     * @param vm   the VM, still listing the NIC
     * @param nic  the NIC to unplug
     * @throws Exception on failure, the VM unchanged; {@link Unsupported} if this type cannot
     */
    default void detachNic(HostConnection host, VmSpec vm, VmSpec.Nic nic) throws Exception {
        throw new Unsupported("detaching a NIC from a running VM");
    }

    /**
     * Inserts an ISO into, or ejects it from, a CD-ROM drive of a running VM.
     *
     * @param host  the host
     * @param vm    the VM
     * @param cdrom the drive with its new content; a null install path ejects
     * @throws Exception on failure; {@link Unsupported} if this type cannot
     */
    default void changeCdrom(HostConnection host, VmSpec vm, VmSpec.Cdrom cdrom) throws Exception {
        throw new Unsupported("changing the CD-ROM of a running VM");
    }

    /**
     * Changes the vCPUs and memory of a running VM, within what the VM was started with room for.
     *
     * @param host   the host
     * @param vm     the VM as it runs now
     * @param cpuNum the new number of vCPUs
     * @param memory the new memory in bytes
     * @throws Exception on failure, the VM unchanged; {@link Unsupported} if this type or this change cannot be done
     *                   live (the message says what would be needed, e.g. a restart)
     */
    default void changeCpuMemory(HostConnection host, VmSpec vm, int cpuNum, long memory) throws Exception {
        throw new Unsupported("changing CPU or memory of a running VM");
    }

    /**
     * Tells where the graphical console of a running VM listens, as seen from the management node.
     *
     * @param host the host
     * @param vm   the VM
     * @return the console endpoint
     * @throws Exception if the VM does not run or has no console; {@link Unsupported} if this type has none
     */
    default ConsoleEndpoint consoleEndpoint(HostConnection host, VmSpec vm) throws Exception {
        throw new Unsupported("consoles");
    }

    /**
     * Thrown by a backend for an operation its hypervisor type cannot do; the kernel answers {@code SYS.1014}.
     */
    class Unsupported extends UnsupportedOperationException {
        private static final long serialVersionUID = 1L;

        /** @param what what cannot be done, e.g. {@code attaching a NIC to a running VM} */
        public Unsupported(String what) {
            super(what);
        }
    }
}
