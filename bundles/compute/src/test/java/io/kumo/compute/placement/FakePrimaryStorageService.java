package io.kumo.compute.placement;

import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.PrimaryStorageService;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Primary storage in memory, reservations atomic; one backend for every type. */
public class FakePrimaryStorageService implements PrimaryStorageService {
    public final Map<String, PrimaryStorageInventory> storage = new ConcurrentHashMap<>();
    public PrimaryStorageBackend backend;
    /** The over-provisioning ratio: a volume of n bytes takes n / ratio. */
    public volatile double ratio = 1.0;

    /** Adds an Enabled, Connected storage attached to clusters. */
    public void add(String uuid, String zone, long capacity, List<String> clusters) {
        storage.put(uuid, new PrimaryStorageInventory(uuid, zone, "ps", "/ps", null, "SimulatorPrimaryStorage", "Enabled",
                "Connected", capacity, capacity, capacity, capacity, 0, null, clusters, null, null));
    }

    /** @param uuid a storage @return bytes not reserved */
    public long available(String uuid) { return storage.get(uuid).availableCapacity(); }

    @Override public Optional<PrimaryStorageInventory> get(String uuid) { return Optional.ofNullable(storage.get(uuid)); }

    @Override
    public List<PrimaryStorageInventory> attachedTo(String clusterUuid) {
        return storage.values().stream().filter(p -> p.attachedClusterUuids().contains(clusterUuid)).toList();
    }

    private long physical(long bytes) { return (long) Math.ceil(bytes / ratio); }

    @Override
    public boolean hasRoomFor(PrimaryStorageInventory p, long bytes) { return p.availableCapacity() >= physical(bytes); }

    @Override
    public boolean reserveCapacity(String uuid, long virtualBytes) {
        long bytes = physical(virtualBytes);
        boolean[] ok = {false};
        storage.computeIfPresent(uuid, (k, p) -> {
            if (p.availableCapacity() < bytes) {
                return p;
            }
            ok[0] = true;
            return with(p, p.availableCapacity() - bytes);
        });
        return ok[0];
    }

    @Override
    public void releaseCapacity(String uuid, long virtualBytes) {
        long bytes = physical(virtualBytes);
        storage.computeIfPresent(uuid, (k, p) -> with(p, Math.min(p.totalCapacity(), p.availableCapacity() + bytes)));
    }

    @Override public Optional<PrimaryStorageBackend> backend(String type) { return Optional.ofNullable(backend); }

    private static PrimaryStorageInventory with(PrimaryStorageInventory p, long available) {
        return new PrimaryStorageInventory(p.uuid(), p.zoneUuid(), p.name(), p.url(), p.description(), p.type(), p.state(),
                p.status(), p.totalCapacity(), available, p.totalPhysicalCapacity(), p.availablePhysicalCapacity(),
                p.systemUsedCapacity(), p.mountPath(), p.attachedClusterUuids(), null, null);
    }
}
