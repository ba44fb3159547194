package io.kumo.api.hypervisor;

/** The power state of a VM as its hypervisor reports it. */
public enum VmPowerState {
    /** Running. */
    Running,
    /** Paused (suspended in memory). */
    Paused,
    /** Defined but not running. */
    Stopped,
    /** Not known to the hypervisor. */
    Absent
}
