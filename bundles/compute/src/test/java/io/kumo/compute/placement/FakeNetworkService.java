package io.kumo.compute.placement;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.network.IpAllocation;
import io.kumo.api.network.IpRangeInventory;
import io.kumo.api.network.L2NetworkInventory;
import io.kumo.api.network.L3NetworkInventory;
import io.kumo.api.network.NetworkService;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** L3 networks in memory, each with a 10.0.0.10-10.0.0.250 range; addresses handed out atomically. */
public class FakeNetworkService implements NetworkService {
    public final Map<String, L3NetworkInventory> l3s = new ConcurrentHashMap<>();
    public final Map<String, Set<String>> reaching = new ConcurrentHashMap<>();
    /** usedIpUuid to "l3/ip". */
    public final Map<String, String> allocations = new ConcurrentHashMap<>();
    private final Map<String, String> taken = new ConcurrentHashMap<>();

    /** Adds an Enabled L3 network reaching the given clusters. */
    public void add(String uuid, String zone, Set<String> clusters) {
        IpRangeInventory range = new IpRangeInventory(uuid + "r", uuid, "r", null, "10.0.0.10", "10.0.0.250",
                "255.255.255.0", "10.0.0.1", "10.0.0.0/24", 4, 24, null, null);
        l3s.put(uuid, new L3NetworkInventory(uuid, "l3", null, "L3BasicNetwork", zone, "l2-" + uuid, "Enabled", null,
                false, "Private", 4, 1500, List.of(), List.of(range), null, null));
        reaching.put(uuid, clusters);
    }

    @Override public Optional<L3NetworkInventory> l3Network(String uuid) { return Optional.ofNullable(l3s.get(uuid)); }
    @Override public Optional<L2NetworkInventory> l2Network(String uuid) { return Optional.empty(); }
    @Override public Set<String> clustersReaching(String l3NetworkUuid) { return reaching.getOrDefault(l3NetworkUuid, Set.of()); }

    @Override
    public synchronized IpAllocation allocateIp(String l3NetworkUuid, String requestedIp, String ownerUuid) {
        String ip = requestedIp;
        if (ip == null) {
            for (int i = 10; i <= 250 && ip == null; i++) {
                if (!taken.containsKey(l3NetworkUuid + "/10.0.0." + i)) {
                    ip = "10.0.0." + i;
                }
            }
            if (ip == null) {
                throw new ApiException(ErrorCode.NO_CAPACITY, "no free address");
            }
        } else if (taken.containsKey(l3NetworkUuid + "/" + ip)) {
            throw new ApiException(ErrorCode.CONFLICT, ip + " is taken");
        }
        String used = io.kumo.api.inventory.Uuids.random();
        taken.put(l3NetworkUuid + "/" + ip, used);
        allocations.put(used, l3NetworkUuid + "/" + ip);
        return new IpAllocation(used, l3NetworkUuid, l3NetworkUuid + "r", ip, "255.255.255.0", "10.0.0.1");
    }

    @Override
    public synchronized void releaseIp(String usedIpUuid) {
        String key = allocations.remove(usedIpUuid);
        if (key != null) {
            taken.remove(key);
        }
    }
}
