package io.kumo.compute.network.ipam;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.network.FreeIpInventory;
import io.kumo.api.network.IpAllocation;
import io.kumo.compute.network.l3.IpRangeEntity;
import io.kumo.compute.network.l3.L3NetworkEntity;
import io.kumo.compute.network.l3.L3NetworkStore;
import io.kumo.compute.network.l3.ReservedIpRangeEntity;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out addresses of L3 networks. A taken address is a row of UsedIpVO, unique per (L3 network, ip) in the
 * database: that is what keeps two threads or two management nodes from taking the same address. Dynamic allocation
 * picks candidates from an in-memory {@link AddressPool} per network (rebuilt from the database when the network's
 * ranges change or when it looks full) and moves on to the next candidate when the database says one is taken.
 */
public class IpAllocator {
    private final L3NetworkStore l3s;
    private final UsedIpStore used;
    private final Map<String, AddressPool> pools = new ConcurrentHashMap<>();

    /** Wires the allocator. */
    public IpAllocator(L3NetworkStore l3s, UsedIpStore used) {
        this.l3s = l3s;
        this.used = used;
    }

    /**
     * @param l3NetworkUuid the network
     * @param requestedIp   a static address, or null for any free one
     * @param ownerUuid     who uses it
     * @return the allocation
     */
    public IpAllocation allocate(String l3NetworkUuid, String requestedIp, String ownerUuid) {
        L3NetworkEntity l3 = requireL3(l3NetworkUuid);
        return requestedIp == null ? allocateAny(l3, ownerUuid) : allocateStatic(l3, requestedIp, ownerUuid);
    }

    private IpAllocation allocateAny(L3NetworkEntity l3, String ownerUuid) {
        AddressPool pool = poolOf(l3.getUuid(), false);
        boolean rebuilt = false;
        while (true) {
            AddressPool.Candidate c;
            synchronized (pool) {
                c = pool.takeNext();
            }
            if (c == null) {
                if (rebuilt) {
                    throw new ApiException(ErrorCode.NO_CAPACITY, l3.describe() + " has no free IP address; add an IP range");
                }
                pool = poolOf(l3.getUuid(), true);  // addresses released on other nodes become visible
                rebuilt = true;
                continue;
            }
            UsedIpEntity row = newRow(l3.getUuid(), c.range(), c.ip(), ownerUuid);
            if (tryInsert(row, pool)) {
                return allocationOf(row);
            }
            // taken by someone else meanwhile: its bit stays set, try the next candidate
        }
    }

    private IpAllocation allocateStatic(L3NetworkEntity l3, String requestedIp, String ownerUuid) {
        long ip = Ipv4.parse(requestedIp, "ip");
        AddressPool pool = poolOf(l3.getUuid(), false);
        String reason = blockedReason(l3, pool, ip);
        if (reason != null) {
            throw ApiException.invalidArgument("IP " + requestedIp + " cannot be used on " + l3.describe() + ": " + reason);
        }
        UsedIpEntity row = newRow(l3.getUuid(), pool.rangeOf(ip), ip, ownerUuid);
        if (!tryInsert(row, pool)) {
            UsedIpEntity holder = used.findByIp(l3.getUuid(), Ipv4.format(ip));
            throw new ApiException(ErrorCode.CONFLICT, "IP " + Ipv4.format(ip) + " is already used by "
                    + (holder == null || holder.getOwnerUuid() == null ? "another resource" : holder.getOwnerUuid())
                    + "; pick another, or call GetFreeIp");
        }
        synchronized (pool) {
            pool.markTaken(ip);
        }
        return allocationOf(row);
    }

    /** @return true if inserted; false if the address is taken (the pool then marks it) */
    private boolean tryInsert(UsedIpEntity row, AddressPool pool) {
        try {
            used.insert(row);
            return true;
        } catch (RuntimeException e) {
            if (used.findByIp(row.getL3NetworkUuid(), row.getIp()) == null) {
                synchronized (pool) {
                    pool.markFree(row.getIpInLong());
                }
                throw e;
            }
            synchronized (pool) {
                pool.markTaken(row.getIpInLong());
            }
            return false;
        }
    }

    /** @param usedIpUuid an allocation; nothing happens if it is gone */
    public void release(String usedIpUuid) {
        UsedIpEntity row = used.find(usedIpUuid);
        if (row == null || !used.delete(usedIpUuid)) {
            return;
        }
        AddressPool pool = pools.get(row.getL3NetworkUuid());
        if (pool != null) {
            synchronized (pool) {
                pool.markFree(row.getIpInLong());
            }
        }
    }

    /** @param l3NetworkUuid a network whose ranges or used addresses changed outside the allocator */
    public void forget(String l3NetworkUuid) { pools.remove(l3NetworkUuid); }

    /**
     * @param l3NetworkUuid a network
     * @param ip            an address (dotted)
     * @return null if the address can be taken, else why not
     */
    public String unavailableReason(String l3NetworkUuid, String ip) {
        L3NetworkEntity l3 = requireL3(l3NetworkUuid);
        long value = Ipv4.parse(ip, "ip");
        String blocked = blockedReason(l3, poolOf(l3NetworkUuid, false), value);
        if (blocked != null) {
            return blocked;
        }
        UsedIpEntity holder = used.findByIp(l3.getUuid(), Ipv4.format(value));
        return holder == null ? null : "used by " + (holder.getOwnerUuid() == null ? "another resource" : holder.getOwnerUuid());
    }

    /** @return why the address can never be handed out (outside the ranges, a gateway, reserved), or null */
    private String blockedReason(L3NetworkEntity l3, AddressPool pool, long ip) {
        AddressPool.Range range = pool.rangeOf(ip);
        if (range == null) {
            return "it is not in any IP range of the network; pick one of its ranges' addresses (GetFreeIp lists them)";
        }
        for (AddressPool.Range r : pool.ranges()) {
            if (r.gateway().equals(Ipv4.format(ip))) {
                return "it is the gateway of " + r.uuid();
            }
        }
        for (ReservedIpRangeEntity res : l3s.reservedOf(l3.getUuid())) {
            if (ip >= res.start() && ip <= res.end()) {
                return "it is in the reserved range " + res.getStartIp() + "-" + res.getEndIp();
            }
        }
        return null;
    }

    /**
     * Lists free addresses, lowest first, skipping used, reserved and gateway addresses.
     *
     * @param l3NetworkUuid the network
     * @param ipRangeUuid   only this range, or null for all
     * @param start         the lowest address to list
     * @param limit         how many at most
     * @return the free addresses
     */
    public List<FreeIpInventory> freeIps(String l3NetworkUuid, String ipRangeUuid, String start, int limit) {
        long from = Ipv4.parse(start, "start");
        List<ReservedIpRangeEntity> reserved = l3s.reservedOf(l3NetworkUuid);
        List<IpRangeEntity> ranges = new ArrayList<>(l3s.rangesOf(l3NetworkUuid));
        ranges.sort(Comparator.comparingLong(IpRangeEntity::start));
        List<String> gateways = ranges.stream().map(IpRangeEntity::getGateway).toList();
        List<FreeIpInventory> free = new ArrayList<>();
        for (IpRangeEntity r : ranges) {
            if (ipRangeUuid != null && !ipRangeUuid.equals(r.getUuid())) {
                continue;
            }
            long ip = Math.max(from, r.start());
            while (ip <= r.end() && free.size() < limit) {
                // the used addresses of the next stretch, read in pages
                List<Long> taken = used.usedBetween(l3NetworkUuid, ip, r.end(), 1000);
                long stretchEnd = taken.size() < 1000 ? r.end() : taken.get(taken.size() - 1);
                int t = 0;
                for (; ip <= stretchEnd && free.size() < limit; ip++) {
                    while (t < taken.size() && taken.get(t) < ip) {
                        t++;
                    }
                    if (t < taken.size() && taken.get(t) == ip) {
                        continue;
                    }
                    if (!gateways.contains(Ipv4.format(ip)) && !isReserved(reserved, ip)) {
                        free.add(new FreeIpInventory(r.getUuid(), Ipv4.format(ip), r.getNetmask(), r.getGateway()));
                    }
                }
            }
        }
        return free;
    }

    private static boolean isReserved(List<ReservedIpRangeEntity> reserved, long ip) {
        return reserved.stream().anyMatch(res -> ip >= res.start() && ip <= res.end());
    }

    private L3NetworkEntity requireL3(String uuid) {
        L3NetworkEntity l3 = l3s.find(uuid);
        if (l3 == null) {
            throw ApiException.notFound("l3Network", uuid);
        }
        return l3;
    }

    /** @return the network's pool: the cached one unless its ranges changed or {@code fresh} is asked */
    private AddressPool poolOf(String l3NetworkUuid, boolean fresh) {
        List<IpRangeEntity> ranges = new ArrayList<>(l3s.rangesOf(l3NetworkUuid));
        ranges.sort(Comparator.comparingLong(IpRangeEntity::start));
        List<ReservedIpRangeEntity> reserved = l3s.reservedOf(l3NetworkUuid);
        StringBuilder sig = new StringBuilder();
        ranges.forEach(r -> sig.append(r.getUuid()).append(':').append(r.getStartIp()).append('-').append(r.getEndIp()).append(';'));
        reserved.forEach(r -> sig.append(r.getUuid()).append(';'));
        AddressPool cached = pools.get(l3NetworkUuid);
        if (!fresh && cached != null && cached.signature().equals(sig.toString())) {
            return cached;
        }
        List<AddressPool.Range> states = new ArrayList<>();
        for (IpRangeEntity r : ranges) {
            int size = (int) (r.end() - r.start() + 1);
            BitSet blocked = new BitSet(size);
            for (IpRangeEntity other : ranges) {
                long gw = other.gatewayValue();
                if (gw >= r.start() && gw <= r.end()) {
                    blocked.set((int) (gw - r.start()));
                }
            }
            for (ReservedIpRangeEntity res : reserved) {
                long lo = Math.max(res.start(), r.start());
                long hi = Math.min(res.end(), r.end());
                if (lo <= hi) {
                    blocked.set((int) (lo - r.start()), (int) (hi - r.start()) + 1);
                }
            }
            states.add(new AddressPool.Range(r.getUuid(), r.start(), r.end(), r.getNetmask(), r.getGateway(),
                    (BitSet) blocked.clone(), blocked));
        }
        AddressPool pool = new AddressPool(sig.toString(), states);
        for (long ip : used.usedValues(l3NetworkUuid)) {
            pool.markTaken(ip);
        }
        pools.put(l3NetworkUuid, pool);
        return pool;
    }

    private static UsedIpEntity newRow(String l3NetworkUuid, AddressPool.Range range, long ip, String ownerUuid) {
        UsedIpEntity row = new UsedIpEntity();
        row.setUuid(Uuids.random());
        row.setL3NetworkUuid(l3NetworkUuid);
        row.setIpRangeUuid(range.uuid());
        row.setIp(Ipv4.format(ip));
        row.setIpInLong(ip);
        row.setNetmask(range.netmask());
        row.setGateway(range.gateway());
        row.setIpVersion(4);
        row.setOwnerUuid(ownerUuid);
        row.setCreateDate(new Timestamp(System.currentTimeMillis()));
        return row;
    }

    private static IpAllocation allocationOf(UsedIpEntity row) {
        return new IpAllocation(row.getUuid(), row.getL3NetworkUuid(), row.getIpRangeUuid(), row.getIp(), row.getNetmask(), row.getGateway());
    }
}
