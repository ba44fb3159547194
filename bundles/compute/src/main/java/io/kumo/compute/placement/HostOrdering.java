package io.kumo.compute.placement;

import io.kumo.api.error.ApiException;
import io.kumo.api.host.HostInventory;
import io.kumo.api.offering.HostAllocatorStrategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The host allocator strategies: the order in which fitting hosts are tried, by strategy name. */
public final class HostOrdering {
    private final Supplier<Map<String, Long>> vmsPerHost;

    /** @param vmsPerHost counts the VMs placed on each host (for {@link HostAllocatorStrategy#LEAST_VM_PREFERRED}) */
    public HostOrdering(Supplier<Map<String, Long>> vmsPerHost) { this.vmsPerHost = vmsPerHost; }

    /**
     * @param name a strategy name
     * @throws ApiException 400 naming the known strategies if it is unknown
     */
    public static void requireKnown(String name) {
        if (name != null && !HostAllocatorStrategy.ALL.contains(name)) {
            throw ApiException.invalidArgument("unknown host allocator strategy '" + name + "'; use one of "
                    + HostAllocatorStrategy.ALL);
        }
    }

    /**
     * @param candidates fitting hosts
     * @param request    the request, naming the strategy and a preferred host
     * @return the candidates in the order to try them; the preferred host first if it is among them
     */
    public List<HostInventory> order(List<HostInventory> candidates, PlacementRequest request) {
        List<HostInventory> hosts = new ArrayList<>(candidates);
        switch (request.strategy()) {
            case HostAllocatorStrategy.MINIMUM_CPU_USAGE ->
                    hosts.sort(Comparator.comparingLong(h -> h.totalCpuCapacity() - h.availableCpuCapacity()));
            case HostAllocatorStrategy.MINIMUM_MEMORY_USAGE ->
                    hosts.sort(Comparator.comparingLong(h -> h.totalMemoryCapacity() - h.availableMemoryCapacity()));
            case HostAllocatorStrategy.LEAST_VM_PREFERRED -> {
                Map<String, Long> counts = vmsPerHost.get();
                hosts.sort(Comparator.comparingLong(h -> counts.getOrDefault(h.uuid(), 0L)));
            }
            default -> Collections.shuffle(hosts, ThreadLocalRandom.current());
        }
        String preferred = request.preferredHostUuid();
        if (preferred != null) {
            for (int i = 0; i < hosts.size(); i++) {
                if (hosts.get(i).uuid().equals(preferred)) {
                    hosts.add(0, hosts.remove(i));
                    break;
                }
            }
        }
        return hosts;
    }
}
