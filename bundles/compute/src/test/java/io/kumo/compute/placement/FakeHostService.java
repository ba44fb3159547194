package io.kumo.compute.placement;

import io.kumo.api.host.HostInventory;
import io.kumo.api.host.HostService;
import io.kumo.api.hypervisor.HostConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Hosts in memory; reservations are atomic per host, as the database makes them. */
public class FakeHostService implements HostService {
    public final Map<String, HostInventory> hosts = new ConcurrentHashMap<>();

    /** Adds an Enabled, Connected Simulator host. */
    public HostInventory add(String uuid, String zone, String cluster, long cpu, long memory) {
        HostInventory h = new HostInventory(uuid, "host-" + uuid, null, zone, cluster, "10.0.0.1", "Simulator", "Enabled",
                "Connected", cpu, cpu, 1, (int) cpu, memory, memory, "x86_64", null, null);
        hosts.put(uuid, h);
        return h;
    }

    /** Replaces a host's state and status. */
    public void set(String uuid, String state, String status) {
        hosts.computeIfPresent(uuid, (k, h) -> new HostInventory(h.uuid(), h.name(), h.description(), h.zoneUuid(), h.clusterUuid(),
                h.managementIp(), h.hypervisorType(), state, status, h.totalCpuCapacity(), h.availableCpuCapacity(),
                h.cpuSockets(), h.cpuNum(), h.totalMemoryCapacity(), h.availableMemoryCapacity(), h.architecture(), null, null));
    }

    @Override public Optional<HostInventory> get(String uuid) { return Optional.ofNullable(hosts.get(uuid)); }
    @Override public List<HostInventory> all() { return new ArrayList<>(hosts.values()); }

    @Override
    public Optional<HostConnection> connection(String uuid) {
        return get(uuid).map(h -> new HostConnection(h.uuid(), h.clusterUuid(), h.managementIp(), null, null, null, Map.of()));
    }

    @Override
    public boolean reserveCapacity(String hostUuid, int cpuNum, long memory) {
        boolean[] ok = {false};
        hosts.computeIfPresent(hostUuid, (k, h) -> {
            if (h.availableCpuCapacity() < cpuNum || h.availableMemoryCapacity() < memory) {
                return h;
            }
            ok[0] = true;
            return with(h, h.availableCpuCapacity() - cpuNum, h.availableMemoryCapacity() - memory);
        });
        return ok[0];
    }

    @Override
    public void releaseCapacity(String hostUuid, int cpuNum, long memory) {
        hosts.computeIfPresent(hostUuid, (k, h) -> with(h, Math.min(h.totalCpuCapacity(), h.availableCpuCapacity() + cpuNum),
                Math.min(h.totalMemoryCapacity(), h.availableMemoryCapacity() + memory)));
    }

    private static HostInventory with(HostInventory h, long cpu, long memory) {
        return new HostInventory(h.uuid(), h.name(), h.description(), h.zoneUuid(), h.clusterUuid(), h.managementIp(),
                h.hypervisorType(), h.state(), h.status(), h.totalCpuCapacity(), cpu, h.cpuSockets(), h.cpuNum(),
                h.totalMemoryCapacity(), memory, h.architecture(), null, null);
    }
}
