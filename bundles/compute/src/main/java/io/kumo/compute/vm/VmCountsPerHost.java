package io.kumo.compute.vm;

import java.util.Map;
import java.util.function.Supplier;

/** The number of VMs on each host, for the least-VM placement strategy. */
public class VmCountsPerHost implements Supplier<Map<String, Long>> {
    private final VmStore store;

    /** @param store persistence */
    public VmCountsPerHost(VmStore store) { this.store = store; }

    @Override public Map<String, Long> get() { return store.countByHost(); }
}
