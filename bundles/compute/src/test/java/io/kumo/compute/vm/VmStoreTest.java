package io.kumo.compute.vm;

import io.kumo.api.query.QueryCondition;
import io.kumo.api.query.QueryOperator;
import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.vm.VmInstanceInventory;
import io.kumo.compute.volume.VolumeEntity;
import io.kumo.compute.volume.VolumeStore;
import io.kumo.core.testing.Database;
import io.kumo.api.query.QueryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** VM, NIC and volume rows on H2: mapping, joins of the query API, the unique MAC, and page/list speed at 25,000 VMs. */
class VmStoreTest {
    private static final int VMS = 25_000;
    private static Database db;
    private static VmStore vms;
    private static VolumeStore volumes;

    @BeforeAll
    static void open() throws Exception {
        db = Database.h2(new Database.ModuleSchema("kumo-compute-test", VmStoreTest.class.getClassLoader(),
                "db/changelog/kumo-compute.xml"));
        QueryService queries = new SimpleQueryService();
        vms = new VmStore(queries);
        vms.setEntityManager(db.entityManager());
        volumes = new VolumeStore(queries);
        volumes.setEntityManager(db.entityManager());
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement vm = c.prepareStatement("INSERT INTO VmInstanceVO (uuid, name, zoneUuid, hostUuid, type, cpuNum, "
                    + "cpuSpeed, memorySize, state, createDate, lastOpDate) VALUES (?, ?, 'z1', ?, 'UserVm', 1, 0, 1024, 'Running', ?, ?)");
                 PreparedStatement nic = c.prepareStatement("INSERT INTO VmNicVO (uuid, vmInstanceUuid, l3NetworkUuid, ip, mac, "
                         + "ipVersion, deviceId, createDate, lastOpDate) VALUES (?, ?, 'l3', ?, ?, 4, 0, ?, ?)");
                 PreparedStatement vol = c.prepareStatement("INSERT INTO VolumeVO (uuid, name, primaryStorageUuid, vmInstanceUuid, "
                         + "type, size, actualSize, deviceId, state, status, isShareable, createDate, lastOpDate) "
                         + "VALUES (?, 'root', ?, ?, 'Root', 1, 1, 0, 'Enabled', 'Ready', false, ?, ?)")) {
                for (int i = 0; i < VMS; i++) {
                    String u = String.format("%032x", i);
                    vm.setString(1, u); vm.setString(2, "vm" + i); vm.setString(3, "h" + (i % 50));
                    vm.setTimestamp(4, now); vm.setTimestamp(5, now); vm.addBatch();
                    nic.setString(1, String.format("n%031x", i)); nic.setString(2, u);
                    nic.setString(3, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
                    nic.setString(4, String.format("fa:00:00:%02x:%02x:%02x", i >> 16, (i >> 8) & 255, i & 255));
                    nic.setTimestamp(5, now); nic.setTimestamp(6, now); nic.addBatch();
                    vol.setString(1, String.format("v%031x", i)); vol.setString(2, "ps" + (i % 3)); vol.setString(3, u);
                    vol.setTimestamp(4, now); vol.setTimestamp(5, now); vol.addBatch();
                }
                vm.executeBatch();
                nic.executeBatch();
                vol.executeBatch();
            }
            c.commit();
        }
    }

    @AfterAll
    static void close() { db.close(); }

    private static QueryRequest page(int limit, QueryCondition... conditions) {
        return new QueryRequest(List.of(conditions), limit, 0, false, false, null, true, List.of());
    }

    @Test
    void theInventoryCarriesNicsAndVolumes() {
        VmInstanceInventory vm = db.inTransaction(() -> vms.inventory(String.format("%032x", 5)));
        assertEquals("10.0.0.5", vm.vmNics().get(0).ip());
        assertEquals("ps2", vm.allVolumes().get(0).primaryStorageUuid());
        assertEquals(500, db.inTransaction(() -> vms.onHost("h7")).size());
    }

    @Test
    void queriesJoinNicsAndVolumes() {
        QueryResult<Object> byIp = db.inTransaction(() -> vms.query(page(100, new QueryCondition("vmNics.ip", QueryOperator.EQ, "10.0.0.5"))));
        assertEquals(1, byIp.rows().size());
        assertEquals("vm5", ((VmInstanceInventory) byIp.rows().get(0)).name());
        QueryRequest onPs = new QueryRequest(List.of(new QueryCondition("allVolumes.primaryStorageUuid", QueryOperator.EQ, "ps1")),
                10, 0, false, true, null, true, List.of());
        assertEquals(8333L, db.inTransaction(() -> vms.query(onPs)).total());
    }

    @Test
    void theNicHoldingAnAddressIsFoundPerL3Network() {
        assertEquals(String.format("%032x", 7), db.inTransaction(() -> vms.nicWithIp("l3", "10.0.0.7")).getVmInstanceUuid());
        assertNull(db.inTransaction(() -> vms.nicWithIp("other-l3", "10.0.0.7")));
        assertNull(db.inTransaction(() -> vms.nicWithIp("l3", "192.168.0.1")));
    }

    @Test
    void macAddressesAreUnique() {
        VmNicEntity n = new VmNicEntity();
        n.setUuid("dup0000000000000000000000000000a");
        n.setVmInstanceUuid(String.format("%032x", 1));
        n.setL3NetworkUuid("l3");
        n.setMac("fa:00:00:00:00:01");
        n.setCreateDate(new Timestamp(0));
        n.setLastOpDate(new Timestamp(0));
        assertTrue(db.inTransaction(() -> vms.macTaken("fa:00:00:00:00:01")));
        assertThrows(RuntimeException.class, () -> db.inTransaction(() -> vms.createNic(n)));
    }

    @Test
    void aPageAndTheFullListCarryEveryVmWithItsNicsAndVolumes() {
        QueryResult<Object> page = db.inTransaction(() -> vms.query(page(100)));
        assertEquals(100, page.rows().size());
        assertEquals(1, ((VmInstanceInventory) page.rows().get(99)).vmNics().size());
        QueryResult<Object> all = db.inTransaction(() -> vms.query(page(VMS)));
        assertEquals(VMS, all.rows().size());
        assertTrue(all.rows().stream().allMatch(r -> ((VmInstanceInventory) r).vmNics().size() == 1
                && !((VmInstanceInventory) r).allVolumes().isEmpty()), "every VM comes with its NIC and volumes");
    }

    @Test
    void volumesOfAVmComeRootFirst() {
        List<VolumeEntity> v = db.inTransaction(() -> volumes.volumesOf(String.format("%032x", 9)));
        assertEquals(List.of("Root"), v.stream().map(VolumeEntity::getType).toList());
    }
}
