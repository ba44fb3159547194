package io.kumo.api.offering;

import java.util.List;

/**
 * The host allocation strategies an instance offering (or a VM creation) can name, with ZStack's names. Every
 * strategy first filters hosts (state, status, capacity, reachability of networks and storage, tags); they differ in
 * which fitting host they prefer.
 */
public final class HostAllocatorStrategy {
    /** Any fitting host, spreading VMs at random. */
    public static final String DEFAULT = "DefaultHostAllocatorStrategy";
    /** The fitting host with the fewest vCPUs reserved (least CPU used). */
    public static final String MINIMUM_CPU_USAGE = "MinimumCPUUsageHostAllocatorStrategy";
    /** The fitting host with the least memory reserved (least memory used). */
    public static final String MINIMUM_MEMORY_USAGE = "MinimumMemoryUsageHostAllocatorStrategy";
    /** The host the VM last ran on if it fits, else as {@link #DEFAULT}. */
    public static final String LAST_HOST_PREFERRED = "LastHostPreferredAllocatorStrategy";
    /** The fitting host running the fewest VMs. */
    public static final String LEAST_VM_PREFERRED = "LeastVmPreferredHostAllocatorStrategy";

    /** Every strategy name. */
    public static final List<String> ALL = List.of(DEFAULT, MINIMUM_CPU_USAGE, MINIMUM_MEMORY_USAGE, LAST_HOST_PREFERRED,
            LEAST_VM_PREFERRED);

    /** A placement constraint must hold, or the placement fails. */
    public static final String MODE_HARD = "hard";
    /** A placement constraint is a preference: without a host meeting it, any fitting host is taken. */
    public static final String MODE_SOFT = "soft";

    private HostAllocatorStrategy() { }
}
