package io.kumo.compute.storage;

import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.api.host.HostInventory;
import io.kumo.api.host.HostService;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.node.ClusterService;
import io.kumo.api.storage.PrimaryStorageBackend;
import io.kumo.api.storage.PrimaryStorageInventory;
import io.kumo.api.storage.StorageCapacity;
import io.kumo.compute.backend.Backends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Per-host capacity of primary storage local to each host: when a host is added or reconnected (Connected), and when
 * a primary storage is attached to or detached from a cluster, each primary storage of the host's cluster whose
 * backend answers {@link PrimaryStorageBackend#connectHost} with a capacity gets that host's row, and its capacity
 * becomes the sum over its hosts. A deleted host's rows go. Runs on the node owning the host or storage, off the
 * event thread.
 */
public class LocalStorageHostCapacity implements ResourceEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStorageHostCapacity.class);
    private final PrimaryStorageStore storages;
    private final LocalStorageHostRefStore refs;
    private final HostService hosts;
    private final Backends backends;
    private final ClusterService nodes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kumo-local-storage-capacity");
        t.setDaemon(true);
        return t;
    });

    /** Wires the listener. */
    public LocalStorageHostCapacity(PrimaryStorageStore storages, LocalStorageHostRefStore refs, HostService hosts,
                                    Backends backends, ClusterService nodes) {
        this.storages = storages;
        this.refs = refs;
        this.hosts = hosts;
        this.backends = backends;
        this.nodes = nodes;
    }

    /** Stops the worker. */
    public void close() { worker.shutdownNow(); }

    @Override
    public void onEvent(ResourceEvent event) {
        String uuid = event.resourceUuid();
        if (nodes != null && !nodes.isLocal(uuid)) {
            return;
        }
        boolean host = HostInventory.RESOURCE_TYPE.equals(event.resourceType());
        boolean storage = PrimaryStorageInventory.RESOURCE_TYPE.equals(event.resourceType());
        if (!host && !storage) {
            return;
        }
        worker.execute(() -> {
            try {
                if (host && event.type() == EventType.DELETED) {
                    refs.removeHost(uuid);
                } else if (host) {
                    hostConnected(uuid);
                } else if (event.type() != EventType.DELETED) {
                    storageChanged(uuid);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not update the per-host capacity after a change of {} {}", event.resourceType(), uuid, e);
            }
        });
    }

    /** Records a Connected host's capacity on every host-local storage of its cluster. */
    void hostConnected(String hostUuid) {
        HostInventory host = hosts.get(hostUuid).orElse(null);
        if (host == null || !"Connected".equals(host.status())) {
            return;
        }
        for (PrimaryStorageEntity ps : storages.attachedTo(host.clusterUuid())) {
            connect(ps, host);
        }
    }

    /** Records every Connected host of the storage's clusters, and forgets hosts it no longer reaches. */
    void storageChanged(String psUuid) {
        PrimaryStorageEntity ps = storages.find(psUuid);
        if (ps == null) {
            return;
        }
        List<HostInventory> reaching = hosts.all().stream()
                .filter(h -> ps.getAttachedClusterUuids().contains(h.clusterUuid())).toList();
        boolean local = false;
        for (HostInventory h : reaching) {
            local |= "Connected".equals(h.status()) && connect(ps, h);
        }
        if (local || !refs.of(psUuid).isEmpty()) {
            refs.retainHosts(psUuid, reaching.stream().map(HostInventory::uuid).toList());
        }
    }

    /** @return true if the storage is local to hosts and the host's capacity was recorded */
    private boolean connect(PrimaryStorageEntity ps, HostInventory host) {
        PrimaryStorageBackend backend = backends.primaryStorage().find(ps.getType()).orElse(null);
        HostConnection conn = hosts.connection(host.uuid()).orElse(null);
        if (backend == null || conn == null) {
            return false;
        }
        try {
            StorageCapacity capacity = backend.connectHost(ps.toInventory(), conn, ps.getProperties());
            if (capacity == null) {
                return false;
            }
            refs.record(ps.getUuid(), host.uuid(), capacity.total(), capacity.available());
            return true;
        } catch (Exception e) {
            LOG.warn("Primary storage {} could not read its capacity on host {}: {}", ps.getUuid(), host.uuid(), e.getMessage());
            return false;
        }
    }
}
