package io.kumo.compute.host;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.api.hypervisor.HostConnection;
import io.kumo.api.hypervisor.HypervisorBackend;
import io.kumo.api.node.ClusterService;
import io.kumo.compute.backend.Backends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the connection of the hosts this management node owns. Every host is known in memory (loaded at start,
 * refreshed by host events from any node and read again every five minutes) and sits in one slot of a wheel of {@code host.ping.interval} one-second
 * slots, so that pings are spread evenly over the interval; one thread turns the wheel and a ping costs no database
 * access. A host failing {@code host.ping.maxFailure} consecutive pings becomes {@code Disconnected}; a
 * {@code Disconnected} host answering again is reconnected. Both are announced as host UPDATED events.
 */
public class HostConnectionManager implements ResourceEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(HostConnectionManager.class);
    /** Turns of the wheel (seconds) between two full reads of the hosts. */
    private static final int RESYNC_TURNS = 300;

    /** What a ping needs of a host, and its ping history. */
    static final class Tracked {
        final String uuid;
        volatile String hypervisorType;
        volatile HostConnection connection;
        volatile String status;
        final AtomicInteger failures = new AtomicInteger();
        final AtomicBoolean pinging = new AtomicBoolean();
        final AtomicBoolean changing = new AtomicBoolean();

        Tracked(String uuid) { this.uuid = uuid; }
    }

    private final HostStore store;
    private final HostManager hosts;
    private final Backends backends;
    private final ClusterService membership;
    private final GlobalConfigService config;
    private final Executor worker;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Object wheelLock = new Object();
    private List<Set<String>> slots = List.of();  // guarded by wheelLock
    private int cursor;                           // guarded by wheelLock
    private int nextSlot;                         // guarded by wheelLock
    private ScheduledExecutorService ticker;
    private AutoCloseable intervalWatch;
    private boolean opened;  // only touched by the ticker thread
    private long turns;      // only touched by the ticker thread

    /**
     * @param worker runs status changes and reconnections (they touch the database and may block), off the ping path
     */
    public HostConnectionManager(HostStore store, HostManager hosts, Backends backends, ClusterService membership,
                                 GlobalConfigService config, Executor worker) {
        this.store = store;
        this.hosts = hosts;
        this.backends = backends;
        this.membership = membership;
        this.config = config;
        this.worker = worker;
    }

    /** Wires the manager with its own two worker threads. */
    public HostConnectionManager(HostStore store, HostManager hosts, Backends backends, ClusterService membership,
                                 GlobalConfigService config) {
        this(store, hosts, backends, membership, config, Executors.newFixedThreadPool(2, daemon("kumo-host-status")));
    }

    /** Starts turning the wheel, one slot a second; the first turn loads the hosts. */
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("kumo-host-ping"));
        ticker.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    }

    /** Spreads the hosts over the wheel and follows changes of the interval; retried at each turn until it works. */
    private void open() {
        resize(interval());
        resync();
        intervalWatch = config.watch(HostGlobalConfigs.HOST, HostGlobalConfigs.PING_INTERVAL, v -> resize(Integer.parseInt(v)));
        opened = true;
    }

    /** Stops pinging. */
    public void stop() throws Exception {
        if (intervalWatch != null) {
            intervalWatch.close();
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (worker instanceof java.util.concurrent.ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    private int interval() { return config.intValue(HostGlobalConfigs.HOST, HostGlobalConfigs.PING_INTERVAL); }

    /** Reads every host from the database: at start, then now and then in case an event was missed. */
    void resync() {
        Set<String> present = new java.util.HashSet<>();
        for (Object[] row : store.allWithConnections()) {
            HostEntity host = (HostEntity) row[0];
            present.add(host.getUuid());
            track(host, (HostConnectionEntity) row[1]);
        }
        for (String uuid : List.copyOf(tracked.keySet())) {
            if (!present.contains(uuid)) {
                untrack(uuid);
            }
        }
    }

    /** @param seconds the ping interval: as many one-second slots, the hosts spread over them again */
    void resize(int seconds) {
        synchronized (wheelLock) {
            List<Set<String>> fresh = new ArrayList<>(seconds);
            for (int i = 0; i < seconds; i++) {
                fresh.add(new LinkedHashSet<>());
            }
            int i = 0;
            for (String uuid : tracked.keySet()) {
                fresh.get(i++ % seconds).add(uuid);
            }
            slots = fresh;
            nextSlot = i % seconds;
            cursor = 0;
        }
    }

    /** Starts or updates tracking a host. */
    void track(HostEntity host, HostConnectionEntity connection) {
        Tracked t = tracked.computeIfAbsent(host.getUuid(), uuid -> {
            synchronized (wheelLock) {
                if (!slots.isEmpty()) {
                    slots.get(nextSlot).add(uuid);
                    nextSlot = (nextSlot + 1) % slots.size();
                }
            }
            return new Tracked(uuid);
        });
        t.hypervisorType = host.getHypervisorType();
        t.connection = connection == null ? null : connection.toConnection(host);
        t.status = host.getStatus();
    }

    /** Stops tracking a host. */
    void untrack(String uuid) {
        if (tracked.remove(uuid) != null) {
            synchronized (wheelLock) {
                slots.forEach(s -> s.remove(uuid));
            }
        }
    }

    /** @return how many hosts sit in each slot, for tests */
    List<Integer> slotSizes() {
        synchronized (wheelLock) {
            return slots.stream().map(Set::size).toList();
        }
    }

    /** @param uuid a host @return its ping state, or null if untracked */
    Tracked tracked(String uuid) { return tracked.get(uuid); }

    private void tickSafely() {
        try {
            if (!opened) {
                open();
            }
            if (++turns % RESYNC_TURNS == 0) {
                worker.execute(this::resyncSafely);
            }
            tick();
        } catch (RuntimeException e) {
            LOG.error("host ping tick failed", e);
        }
    }

    private void resyncSafely() {
        try {
            resync();
        } catch (RuntimeException e) {
            LOG.warn("could not read the hosts again: {}", e.toString());
        }
    }

    /** Pings the hosts of the next slot that this node owns. */
    void tick() {
        List<String> due;
        synchronized (wheelLock) {
            if (slots.isEmpty()) {
                return;
            }
            cursor = cursor % slots.size();
            due = List.copyOf(slots.get(cursor));
            cursor = (cursor + 1) % slots.size();
        }
        for (String uuid : due) {
            Tracked t = tracked.get(uuid);
            if (t != null && membership.isLocal(uuid)) {
                ping(t);
            }
        }
    }

    private void ping(Tracked t) {
        Optional<HypervisorBackend> backend = backends.hypervisors().find(t.hypervisorType);
        if (backend.isEmpty() || t.connection == null || HostStatus.CONNECTING.equals(t.status) || t.changing.get()
                || !t.pinging.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            CompletionStage<Boolean> stage = backend.get().ping(t.connection);
            stage.whenComplete((ok, error) -> answer.complete(error == null && Boolean.TRUE.equals(ok)));
        } catch (RuntimeException e) {
            answer.complete(false);
        }
        answer.completeOnTimeout(false, interval(), TimeUnit.SECONDS).thenAccept(ok -> {
            t.pinging.set(false);
            onAnswer(t, ok);
        });
    }

    private void onAnswer(Tracked t, boolean ok) {
        if (ok) {
            t.failures.set(0);
            if (HostStatus.DISCONNECTED.equals(t.status) && t.changing.compareAndSet(false, true)) {
                worker.execute(() -> reconnect(t));
            }
        } else if (t.failures.incrementAndGet() >= config.intValue(HostGlobalConfigs.HOST, HostGlobalConfigs.PING_MAX_FAILURE)
                && !HostStatus.DISCONNECTED.equals(t.status) && t.changing.compareAndSet(false, true)) {
            worker.execute(() -> disconnect(t, null));
        }
    }

    /**
     * A backend reports it lost its connection to a host (between pings): the host turns Disconnected at once, and the
     * pings reconnect it when it answers again, as after missed pings. Hosts this node does not track are ignored.
     *
     * @param uuid the host @param reason what the backend says happened
     */
    public void reportDisconnected(String uuid, String reason) {
        Tracked t = tracked.get(uuid);
        if (t == null || HostStatus.DISCONNECTED.equals(t.status) || !t.changing.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> disconnect(t, "its backend reports the connection lost: " + reason));
    }

    private void disconnect(Tracked t, String reason) {
        try {
            if (reason == null) {
                LOG.warn("host {} at {} missed {} pings: marking it Disconnected", t.uuid, t.connection.managementIp(), t.failures.get());
            } else {
                LOG.warn("host {}: {}; marking it Disconnected", t.uuid, reason);
            }
            hosts.changeStatus(t.uuid, HostStatus.DISCONNECTED);
            t.status = HostStatus.DISCONNECTED;
        } catch (RuntimeException e) {
            LOG.error("could not mark host {} Disconnected", t.uuid, e);
        } finally {
            t.changing.set(false);
        }
    }

    private void reconnect(Tracked t) {
        try {
            hosts.connect(t.uuid);
            t.status = HostStatus.CONNECTED;
            LOG.info("host {} answers again: reconnected", t.uuid);
            hosts.announce(t.uuid);
        } catch (RuntimeException e) {
            LOG.info("host {} answers pings but could not be reconnected: {}", t.uuid, e.getMessage());
        } finally {
            t.changing.set(false);
        }
    }

    /** Keeps the hosts in memory up to date with the changes of every node. */
    @Override
    public void onEvent(ResourceEvent event) {
        String uuid = event.resourceUuid();
        if (event.type() == EventType.DELETED) {
            untrack(uuid);
            return;
        }
        worker.execute(() -> {
            try {
                HostEntity h = store.find(uuid);
                if (h == null) {
                    untrack(uuid);
                } else {
                    track(h, store.findConnection(uuid));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not refresh host {}: {}", uuid, e.toString());
            }
        });
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
