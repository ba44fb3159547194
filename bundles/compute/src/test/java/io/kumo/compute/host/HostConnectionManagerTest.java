package io.kumo.compute.host;

import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.host.HostInventory;
import io.kumo.api.node.ClusterService;
import io.kumo.api.node.ManagementNodeInventory;
import io.kumo.compute.backend.Backends;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.kumo.compute.host.HostTestSupport.GIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host pings: spread over the interval, only owned hosts, failure counting, disconnection and reconnection. */
class HostConnectionManagerTest {
    private static Database db;
    private HostStore store;
    private HostTestSupport.Config config;
    private HostTestSupport.FakeBackend backend;
    private HostTestSupport.Events events;
    private Predicate<String> owned;
    private HostConnectionManager manager;

    @BeforeAll
    static void open() { db = HostTestSupport.database(); }

    @AfterAll
    static void close() { db.close(); }

    @BeforeEach
    void setUp() {
        db.execute("DELETE FROM HostConnectionVO");
        db.execute("DELETE FROM HostVO");
        store = HostTestSupport.store(db);
        config = new HostTestSupport.Config();
        backend = new HostTestSupport.FakeBackend();
        events = new HostTestSupport.Events();
        owned = uuid -> true;
        Backends backends = new Backends(null);
        backends.hypervisors().add(backend);
        HostManager hosts = new HostManager(store, new OverProvisioning(config), backends, new HostTestSupport.Tags(), events,
                new HostTestSupport.NoDependents());
        ClusterService membership = new ClusterService() {
            @Override public String localNodeUuid() { return "local"; }
            @Override public String ownerOf(String key) { return owned.test(key) ? "local" : "other"; }
            @Override public List<ManagementNodeInventory> nodes() { return List.of(); }
        };
        manager = new HostConnectionManager(store, hosts, backends, membership, config, Runnable::run);
    }

    private String addAlive(int i) {
        String uuid = HostTestSupport.uuid(i);
        String ip = "10.1." + (i / 250) + "." + (i % 250 + 1);
        HostTestSupport.addHost(store, uuid, ip, 4, 8 * GIB);
        backend.alive.add(ip);
        return uuid;
    }

    private void turns(int ticks) {
        for (int i = 0; i < ticks; i++) {
            manager.tick();
        }
    }

    @Test
    void pingsAreSpreadEvenlyOverTheIntervalAndEveryHostIsPingedOncePerInterval() {
        for (int i = 0; i < 600; i++) {
            addAlive(i);
        }
        manager.resize(60);
        manager.resync();
        assertEquals(List.of(10), List.copyOf(new HashSet<>(manager.slotSizes())), "600 hosts over 60 one-second slots");

        for (int tick = 0; tick < 60; tick++) {
            int before = backend.pinged.size();
            manager.tick();
            assertEquals(10, backend.pinged.size() - before, "a tenth of the hosts per second, at tick " + tick);
        }
        assertEquals(600, new HashSet<>(backend.pinged).size(), "every host once per interval");

        manager.resize(30);  // the interval changed: the same hosts over fewer slots
        assertEquals(List.of(20), List.copyOf(new HashSet<>(manager.slotSizes())));
        backend.pinged.clear();
        turns(30);
        assertEquals(600, backend.pinged.size());
        assertEquals(600, new HashSet<>(backend.pinged).size());
    }

    @Test
    void onlyTheHostsThisNodeOwnsArePinged() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String uuid = addAlive(i);
            if (i % 4 == 0) {
                mine.add(uuid);
            }
        }
        owned = mine::contains;
        manager.resize(10);
        manager.resync();
        turns(10);
        assertEquals(mine, new HashSet<>(backend.pinged));
        assertEquals(10, backend.pinged.size());
    }

    @Test
    void aHostIsDisconnectedAfterMaxFailuresInARowAndReconnectedWhenItAnswersAgain() {
        config.set(HostGlobalConfigs.HOST, HostGlobalConfigs.PING_MAX_FAILURE, "3");
        String uuid = addAlive(1);
        String ip = store.find(uuid).getManagementIp();
        manager.resize(5);
        manager.resync();

        backend.alive.remove(ip);
        turns(5 * 2);
        assertEquals("Connected", store.find(uuid).getStatus(), "two failures are tolerated");
        assertEquals(2, manager.tracked(uuid).failures.get());
        assertTrue(events.published.isEmpty(), "nothing to announce yet");

        backend.alive.add(ip);
        turns(5);
        assertEquals(0, manager.tracked(uuid).failures.get(), "an answer resets the count");
        backend.alive.remove(ip);
        turns(5 * 2);
        assertEquals("Connected", store.find(uuid).getStatus(), "failures must be consecutive");

        turns(5);
        assertEquals("Disconnected", store.find(uuid).getStatus(), "third failure in a row");
        assertEquals(1, events.published.size());
        ResourceEvent disconnected = events.published.get(0);
        assertEquals(EventType.UPDATED, disconnected.type());
        assertEquals("host", disconnected.resourceType());
        assertEquals("Disconnected", ((HostInventory) disconnected.inventory()).status());

        turns(5 * 3);
        assertEquals(1, events.published.size(), "the status is written and announced only when it changes");

        backend.connected.clear();
        backend.alive.add(ip);
        turns(5);
        assertEquals("Connected", store.find(uuid).getStatus(), "reconnected once it answers");
        assertEquals(1, backend.connected.size(), "through the backend's connect");
        assertEquals(2, events.published.size());
        assertEquals("Connected", ((HostInventory) events.published.get(1).inventory()).status());
    }

    @Test
    void aBackendReportingTheConnectionLostDisconnectsAtOnceAndPingsReconnect() {
        String uuid = addAlive(1);
        manager.resize(5);
        manager.resync();
        manager.reportDisconnected(HostTestSupport.uuid(99), "unknown host: ignored");
        manager.reportDisconnected(uuid, "libvirtd restarted");
        assertEquals("Disconnected", store.find(uuid).getStatus(), "no ping failure needed");
        assertEquals(1, events.published.size());
        manager.reportDisconnected(uuid, "again");
        assertEquals(1, events.published.size(), "already Disconnected: nothing announced");
        turns(5);
        assertEquals("Connected", store.find(uuid).getStatus(), "the next answered ping reconnects it");
    }

    @Test
    void hostEventsKeepTheHostsInMemoryUpToDate() {
        manager.resize(5);
        manager.resync();
        String uuid = addAlive(7);
        assertNull(manager.tracked(uuid));

        manager.onEvent(new ResourceEvent(EventType.CREATED, "host", uuid, null, null, null, null, null));
        assertEquals("root", manager.tracked(uuid).connection.username());
        assertEquals("v", manager.tracked(uuid).connection.properties().get("k"), "backend properties are persisted");
        assertEquals(1, manager.slotSizes().stream().mapToInt(Integer::intValue).sum());

        manager.onEvent(new ResourceEvent(EventType.DELETED, "host", uuid, null, null, null, null, null));
        assertNull(manager.tracked(uuid));
        assertEquals(0, manager.slotSizes().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aResyncCatchesUpWithChangesWhoseEventsWereMissed() {
        String kept = addAlive(1);
        String gone = addAlive(2);
        manager.resize(4);
        manager.resync();
        String added = addAlive(3);
        db.execute("UPDATE HostVO SET status = 'Disconnected' WHERE uuid = '" + kept + "'");
        db.execute("DELETE FROM HostConnectionVO WHERE hostUuid = '" + gone + "'");
        db.execute("DELETE FROM HostVO WHERE uuid = '" + gone + "'");

        manager.resync();

        assertEquals("Disconnected", manager.tracked(kept).status);
        assertNull(manager.tracked(gone));
        assertEquals("Connected", manager.tracked(added).status);
        assertEquals(2, manager.slotSizes().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void tenThousandHostsArePingedFromOneThreadWithoutTouchingTheDatabase() {
        manager.resize(60);
        for (int i = 0; i < 10_000; i++) {
            HostEntity h = new HostEntity();
            h.setUuid(HostTestSupport.uuid(i));
            h.setClusterUuid(HostTestSupport.CLUSTER);
            h.setManagementIp("10.9." + (i / 250) + "." + (i % 250 + 1));
            h.setHypervisorType(HostTestSupport.FakeBackend.TYPE);
            h.setStatus("Connected");
            manager.track(h, new HostConnectionEntity(h.getUuid(), null, null, null, Map.of()));
            backend.alive.add(h.getManagementIp());
        }
        List<Integer> sizes = manager.slotSizes();
        assertTrue(sizes.stream().allMatch(n -> n == 166 || n == 167), "evenly spread: " + sizes);

        turns(60);  // these hosts have no rows: any database access for a successful ping would fail the test
        assertEquals(10_000, backend.pinged.size());
        assertEquals(10_000, new HashSet<>(backend.pinged).size());
    }
}
