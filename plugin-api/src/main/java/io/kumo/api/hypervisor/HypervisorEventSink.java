package io.kumo.api.hypervisor;

/**
 * Where a hypervisor backend reports what it notices on its own, between the kernel's calls: a VM whose state changed
 * outside Kumo (killed, crashed, shut down from inside the guest) or a host whose connection dropped. The kernel
 * registers one as an OSGi service; backends look it up and call it from any thread. Calls must not block for long.
 */
public interface HypervisorEventSink {
    /**
     * A VM's state changed on its host without the kernel asking.
     *
     * @param hostUuid the host that reported it
     * @param vmUuid   the VM
     * @param state    what the hypervisor says it is now
     * @param reason   why, for the operator (e.g. {@code crashed}, {@code shut down by the guest}), or null
     */
    void vmStateChanged(String hostUuid, String vmUuid, VmPowerState state, String reason);

    /**
     * The backend lost its connection to a host (e.g. libvirtd restarted or the network dropped). The kernel marks it
     * Disconnected and reconnects it as for a failed ping.
     *
     * @param hostUuid the host
     * @param reason   what happened, for the operator
     */
    void hostDisconnected(String hostUuid, String reason);
}
