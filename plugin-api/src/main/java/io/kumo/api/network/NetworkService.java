package io.kumo.api.network;

import java.util.Optional;
import java.util.Set;

/**
 * Reads networks and hands out IP addresses. An address is taken atomically in the database: concurrent allocations
 * on any management node never hand out the same address twice.
 */
public interface NetworkService {
    /** @param uuid an L3 network uuid @return it, if it exists */
    Optional<L3NetworkInventory> l3Network(String uuid);

    /** @param uuid an L2 network uuid @return it, if it exists */
    Optional<L2NetworkInventory> l2Network(String uuid);

    /**
     * @param l3NetworkUuid an L3 network
     * @return the clusters whose hosts reach it (the clusters its L2 network is attached to)
     */
    Set<String> clustersReaching(String l3NetworkUuid);

    /**
     * Takes an address from an L3 network.
     *
     * @param l3NetworkUuid the network
     * @param requestedIp   a static address to take, or null for any free one
     * @param ownerUuid     the resource that will use it (a VM NIC), recorded with the address
     * @return the allocation
     * @throws io.kumo.api.error.ApiException 409 if the requested address is taken or the network has no free
     *                                        address, 400 if the requested address is outside its ranges
     */
    IpAllocation allocateIp(String l3NetworkUuid, String requestedIp, String ownerUuid);

    /** @param usedIpUuid an allocation; nothing happens if it was already released */
    void releaseIp(String usedIpUuid);
}
