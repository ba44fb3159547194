package io.kumo.compute.network;

import io.kumo.api.network.IpAllocation;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.network.NetworkService;
import io.kumo.compute.network.ipam.IpAllocator;
import io.kumo.compute.network.l2.L2NetworkEntity;
import io.kumo.compute.network.l2.L2NetworkManager;
import io.kumo.compute.network.l2.L2NetworkStore;
import io.kumo.compute.network.l3.L3NetworkEntity;
import io.kumo.compute.network.l3.L3NetworkStore;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Networks and their addresses for other modules (the VM module's NICs). */
public class NetworkManager implements NetworkService {
    private final L2NetworkStore l2s;
    private final L2NetworkManager l2m;
    private final L3NetworkStore l3s;
    private final IpAllocator allocator;

    /** Wires the service. */
    public NetworkManager(L2NetworkStore l2s, L2NetworkManager l2m, L3NetworkStore l3s, IpAllocator allocator) {
        this.l2s = l2s;
        this.l2m = l2m;
        this.l3s = l3s;
        this.allocator = allocator;
    }

    @Override
    public Optional<L3NetworkInventory> l3Network(String uuid) {
        return Optional.ofNullable(l3s.find(uuid)).map(L3NetworkEntity::toInventory);
    }

    @Override
    public Optional<L2NetworkInventory> l2Network(String uuid) {
        return Optional.ofNullable(l2s.find(uuid)).map(l2m::inventory);
    }

    @Override
    public Set<String> clustersReaching(String l3NetworkUuid) {
        L3NetworkEntity l3 = l3s.find(l3NetworkUuid);
        L2NetworkEntity l2 = l3 == null ? null : l2s.find(l3.getL2NetworkUuid());
        return l2 == null ? Set.of() : new LinkedHashSet<>(l2m.clustersReaching(l2));
    }

    @Override
    public IpAllocation allocateIp(String l3NetworkUuid, String requestedIp, String ownerUuid) {
        return allocator.allocate(l3NetworkUuid, requestedIp, ownerUuid);
    }

    @Override
    public void releaseIp(String usedIpUuid) { allocator.release(usedIpUuid); }
}
