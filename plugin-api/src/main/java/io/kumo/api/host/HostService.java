package io.kumo.api.host;

import io.kumo.api.hypervisor.HostConnection;

import java.util.List;
import java.util.Optional;

/**
 * Reads hosts and reserves their capacity. A reservation is atomic in the database: concurrent reservations on any
 * management node never take a host beyond its capacity.
 */
public interface HostService {
    /** @param uuid a host uuid @return the host, if it exists */
    Optional<HostInventory> get(String uuid);

    /** @return every host, for placement caches (thousands: call rarely) */
    List<HostInventory> all();

    /** @param uuid a host uuid @return how its hypervisor backend reaches it, if it exists */
    Optional<HostConnection> connection(String uuid);

    /**
     * Reserves CPU and memory on a host if it still has them.
     *
     * @param hostUuid the host
     * @param cpuNum   vCPUs to reserve
     * @param memory   bytes to reserve
     * @return true if reserved, false if the host lacks the capacity (or is gone)
     */
    boolean reserveCapacity(String hostUuid, int cpuNum, long memory);

    /**
     * Returns capacity taken by {@link #reserveCapacity}; never makes the available capacity exceed the total.
     *
     * @param hostUuid the host
     * @param cpuNum   vCPUs to return
     * @param memory   bytes to return
     */
    void releaseCapacity(String hostUuid, int cpuNum, long memory);
}
