package io.kumo.core.node;

import io.kumo.core.config.CoreGlobalConfigs;
import io.kumo.core.config.GlobalConfigManager;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heartbeat interval is global configuration applied live: a new value replaces the tick already scheduled. */
class HeartbeatScheduleTest {
    @TempDir
    Path dataDir;
    private Database db;
    private ManagementNodeManager node;

    @BeforeEach
    void open() { db = Database.h2(); }

    @AfterEach
    void close() {
        if (node != null) {
            node.stop();
        }
        db.close();
    }

    @Test
    void aShorterIntervalTakesEffectWithoutWaitingForTheOldTick() throws Exception {
        GlobalConfigManager config = new GlobalConfigManager(Stores.globalConfigs(db, null));
        config.applied(CoreGlobalConfigs.MANAGEMENT_NODE, CoreGlobalConfigs.HEARTBEAT_INTERVAL, "300");
        ManagementNodeStore store = Stores.nodes(db, null);
        node = new ManagementNodeManager(store, config, dataDir.toString());
        node.start();
        long joined = heartbeat(store);

        config.applied(CoreGlobalConfigs.MANAGEMENT_NODE, CoreGlobalConfigs.HEARTBEAT_INTERVAL, "1");

        long deadline = System.currentTimeMillis() + 5_000;
        while (heartbeat(store) == joined && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(heartbeat(store) > joined, "a heartbeat within seconds, not after the 300 s tick scheduled before the change");
        assertEquals(1, store.all().size());
    }

    private long heartbeat(ManagementNodeStore store) {
        return store.all().get(0).getHeartBeat().getTime();
    }
}
