package io.kumo.core.persistence;

import io.kumo.core.node.ManagementNodeEntity;
import io.kumo.core.node.ManagementNodeStore;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ManagementNodeStore} on a real schema. */
interface ManagementNodeStoreContract extends DatabaseTest {
    String NODE_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    String NODE_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    String NODE_C = "cccccccccccccccccccccccccccccccc";

    private static Map<String, ManagementNodeEntity> byUuid(ManagementNodeStore store) {
        return store.all().stream().collect(Collectors.toMap(ManagementNodeEntity::getUuid, n -> n));
    }

    @Test
    default void nodeJoinKeepsTheFirstJoinDate() {
        ManagementNodeStore store = Stores.nodes(db(), null);
        Timestamp first = Timestamp.valueOf("2024-01-01 10:00:00");
        Timestamp second = Timestamp.valueOf("2024-01-02 10:00:00");
        store.join(NODE_A, "host-a", "1.0", first);
        ManagementNodeEntity n = byUuid(store).get(NODE_A);
        assertEquals("Running", n.getState());
        assertEquals("host-a", n.getHostName());
        assertEquals("1.0", n.getVersion());
        assertEquals(first, n.getJoinDate());
        assertEquals(first, n.getStartDate());
        assertEquals(first, n.getHeartBeat());

        store.leave(NODE_A);
        assertEquals("Stopped", byUuid(store).get(NODE_A).getState());

        store.join(NODE_A, "host-a2", "1.1", second);
        n = byUuid(store).get(NODE_A);
        assertEquals("Running", n.getState());
        assertEquals("host-a2", n.getHostName());
        assertEquals("1.1", n.getVersion());
        assertEquals(first, n.getJoinDate(), "a restart keeps the join date");
        assertEquals(second, n.getStartDate());
        assertEquals(second, n.getHeartBeat());
        assertEquals(1, store.all().size());
    }

    @Test
    default void nodeHeartbeatsAndUnreachableNodes() {
        ManagementNodeStore store = Stores.nodes(db(), null);
        Timestamp t0 = Timestamp.valueOf("2024-01-01 10:00:00");
        store.join(NODE_A, "a", "1", t0);
        store.join(NODE_B, "b", "1", t0);
        store.join(NODE_C, "c", "1", t0);
        store.leave(NODE_C);

        Timestamp t1 = Timestamp.valueOf("2024-01-01 10:01:00");
        store.heartbeat(NODE_A, t1);
        assertEquals(t1, byUuid(store).get(NODE_A).getHeartBeat());

        assertEquals(1, store.markUnreachable(Timestamp.valueOf("2024-01-01 10:00:30")), "only B: A beat since, C stopped");
        Map<String, ManagementNodeEntity> nodes = byUuid(store);
        assertEquals("Running", nodes.get(NODE_A).getState());
        assertEquals("Unreachable", nodes.get(NODE_B).getState());
        assertEquals("Stopped", nodes.get(NODE_C).getState());
        assertEquals(0, store.markUnreachable(Timestamp.valueOf("2024-01-01 10:00:30")), "already unreachable");

        store.heartbeat(NODE_B, Timestamp.valueOf("2024-01-01 10:02:00"));
        assertEquals("Running", byUuid(store).get(NODE_B).getState(), "a heartbeat brings a node back");
        store.heartbeat("dddddddddddddddddddddddddddddddd", t1);
        assertEquals(3, store.all().size(), "a heartbeat does not create a node");
    }
}
