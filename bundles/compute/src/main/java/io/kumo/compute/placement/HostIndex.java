package io.kumo.compute.placement;

import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.api.host.HostInventory;
import io.kumo.api.host.HostService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every host in memory, for placement decisions without a database round trip: loaded at start, refreshed from host
 * events and periodically (for changes made by other management nodes that events missed). The figures may lag the
 * database; reservations are made in the database, which has the last word.
 */
public class HostIndex implements ResourceEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(HostIndex.class);

    private final HostService hosts;
    private final long refreshSeconds;
    private final Map<String, HostInventory> byUuid = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private ScheduledExecutorService refresher;

    /** @param hosts the host service @param refreshSeconds seconds between full reloads (0: never) */
    public HostIndex(HostService hosts, long refreshSeconds) {
        this.hosts = hosts;
        this.refreshSeconds = refreshSeconds;
    }

    /** Loads every host and schedules the periodic reload. */
    public void start() {
        if (refreshSeconds > 0) {
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kumo-host-index");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(this::reloadQuietly, 0, refreshSeconds, TimeUnit.SECONDS);
        }
    }

    /** Stops the periodic reload. */
    public void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Could not reload the host index; keeping the previous figures", e);
        }
    }

    /** Replaces the index with every host of the database. */
    public void reload() {
        Map<String, HostInventory> fresh = new java.util.HashMap<>();
        for (HostInventory h : hosts.all()) {
            fresh.put(h.uuid(), h);
        }
        byUuid.keySet().retainAll(fresh.keySet());
        byUuid.putAll(fresh);
        loaded = true;
    }

    /** @return every host known, loading them on first use */
    public Collection<HostInventory> hosts() {
        if (!loaded) {
            reload();
        }
        return byUuid.values();
    }

    /** @param uuid a host @return it as last seen, or null */
    public HostInventory get(String uuid) {
        if (!loaded) {
            reload();
        }
        return byUuid.get(uuid);
    }

    /** @param uuid a host whose row changed: read again from the database */
    public void refresh(String uuid) {
        hosts.get(uuid).ifPresentOrElse(h -> byUuid.put(uuid, h), () -> byUuid.remove(uuid));
    }

    /**
     * Applies a reservation (negative) or release (positive) made in the database to the cached figures.
     *
     * @param uuid the host @param cpu vCPUs added to the available figure @param memory bytes added
     */
    public void adjust(String uuid, long cpu, long memory) {
        byUuid.computeIfPresent(uuid, (k, h) -> new HostInventory(h.uuid(), h.name(), h.description(), h.zoneUuid(),
                h.clusterUuid(), h.managementIp(), h.hypervisorType(), h.state(), h.status(), h.totalCpuCapacity(),
                Math.min(h.totalCpuCapacity(), h.availableCpuCapacity() + cpu), h.cpuSockets(), h.cpuNum(),
                h.totalMemoryCapacity(), Math.min(h.totalMemoryCapacity(), h.availableMemoryCapacity() + memory),
                h.architecture(), h.createDate(), h.lastOpDate()));
    }

    @Override
    public void onEvent(ResourceEvent event) {
        if (!HostInventory.RESOURCE_TYPE.equals(event.resourceType())) {
            return;
        }
        if (event.type() == EventType.DELETED) {
            byUuid.remove(event.resourceUuid());
        } else if (event.inventory() instanceof HostInventory h) {
            byUuid.put(h.uuid(), h);
        } else {
            refresh(event.resourceUuid());
        }
    }
}
