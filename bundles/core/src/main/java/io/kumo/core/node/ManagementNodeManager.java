package io.kumo.core.node;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.node.ClusterService;
import io.kumo.api.node.ManagementNodeInventory;
import io.kumo.core.config.CoreGlobalConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * This node's membership of the management cluster: its persistent identity, heartbeats in the shared database, the
 * set of live nodes and the consistent-hash ring that splits resource ownership among them. No consensus protocol:
 * the database is the single source of truth and every node computes the same ring from it.
 */
public class ManagementNodeManager implements ClusterService {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementNodeManager.class);

    private final ManagementNodeStore store;
    private final GlobalConfigService config;
    private final String version;
    private final String localUuid;
    private final List<Consumer<Set<String>>> membershipListeners = new CopyOnWriteArrayList<>();
    private volatile Set<String> liveNodes;
    private volatile ConsistentHashRing ring;
    private ScheduledExecutorService scheduler;
    private java.util.concurrent.ScheduledFuture<?> nextTick;
    private AutoCloseable intervalWatch;

    /**
     * @param store   persistence
     * @param config  heartbeat settings
     * @param dataDir where this node keeps its uuid across restarts
     */
    public ManagementNodeManager(ManagementNodeStore store, GlobalConfigService config, String dataDir) throws IOException {
        this.store = store;
        this.config = config;
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(ManagementNodeManager.class);
        this.version = bundle == null ? "dev" : bundle.getVersion().toString();
        this.localUuid = loadOrCreateUuid(Path.of(dataDir).resolve("node.uuid"));
        this.liveNodes = Set.of(localUuid);
        this.ring = new ConsistentHashRing(liveNodes);
    }

    private static String loadOrCreateUuid(Path file) throws IOException {
        if (Files.exists(file)) {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (Uuids.isValid(s)) {
                return s;
            }
        }
        Files.createDirectories(file.getParent());
        String uuid = Uuids.random();
        Files.writeString(file, uuid + "\n", StandardCharsets.UTF_8);
        return uuid;
    }

    /** Joins the cluster and starts heartbeating. */
    public void start() {
        store.join(localUuid, hostName(), version, now());
        refreshMembership();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kumo-heartbeat");
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
        // a new interval applies at once, not after the tick already scheduled with the old one
        intervalWatch = config.watch(CoreGlobalConfigs.MANAGEMENT_NODE, CoreGlobalConfigs.HEARTBEAT_INTERVAL, v -> reschedule());
        LOG.info("management node {} joined; live nodes: {}", localUuid, liveNodes);
    }

    /** Leaves the cluster cleanly. */
    public void stop() {
        if (intervalWatch != null) {
            try {
                intervalWatch.close();
            } catch (Exception e) {
                LOG.debug("closing the heartbeat interval watch", e);
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            store.leave(localUuid);
        } catch (RuntimeException e) {
            LOG.warn("could not record that this node stopped", e);
        }
    }

    private synchronized void scheduleNext() {
        long seconds = config.longValue(CoreGlobalConfigs.MANAGEMENT_NODE, CoreGlobalConfigs.HEARTBEAT_INTERVAL);
        nextTick = scheduler.schedule(this::tick, seconds, TimeUnit.SECONDS);
    }

    private synchronized void reschedule() {
        if (scheduler != null && !scheduler.isShutdown() && nextTick != null && nextTick.cancel(false)) {
            scheduleNext();
        }
    }

    private void tick() {
        try {
            store.heartbeat(localUuid, now());
            long timeout = config.longValue(CoreGlobalConfigs.MANAGEMENT_NODE, CoreGlobalConfigs.NODE_TIMEOUT);
            store.markUnreachable(new Timestamp(System.currentTimeMillis() - timeout * 1000));
            refreshMembership();
        } catch (RuntimeException e) {
            LOG.warn("heartbeat failed; will retry", e);
        } finally {
            if (!scheduler.isShutdown()) {
                scheduleNext();
            }
        }
    }

    private void refreshMembership() {
        Set<String> live = store.all().stream().filter(n -> "Running".equals(n.getState()))
                .map(ManagementNodeEntity::getUuid).collect(Collectors.toCollection(TreeSet::new));
        live.add(localUuid);
        if (!live.equals(liveNodes)) {
            LOG.info("management nodes changed: {} -> {}", liveNodes, live);
            ring = new ConsistentHashRing(live);
            liveNodes = Set.copyOf(live);
            for (Consumer<Set<String>> l : membershipListeners) {
                l.accept(liveNodes);
            }
        }
    }

    /** @param listener told the live node set whenever it changes */
    public void onMembershipChange(Consumer<Set<String>> listener) { membershipListeners.add(listener); }

    /** @return the uuids of the live nodes */
    public Set<String> liveNodes() { return liveNodes; }

    @Override public String localNodeUuid() { return localUuid; }

    @Override public String ownerOf(String key) { return ring.ownerOf(key); }

    @Override
    public List<ManagementNodeInventory> nodes() {
        return store.all().stream().filter(n -> liveNodes.contains(n.getUuid())).map(ManagementNodeEntity::toInventory).toList();
    }

    private static Timestamp now() { return new Timestamp(System.currentTimeMillis()); }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
