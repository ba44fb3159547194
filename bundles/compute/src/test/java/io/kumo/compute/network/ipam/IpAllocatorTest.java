package io.kumo.compute.network.ipam;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.network.FreeIpInventory;
import io.kumo.api.network.IpAllocation;
import io.kumo.compute.network.NetworkStores;
import io.kumo.compute.network.l3.IpRangeEntity;
import io.kumo.compute.network.l3.L3NetworkEntity;
import io.kumo.compute.network.l3.L3NetworkStore;
import io.kumo.compute.network.l3.ReservedIpRangeEntity;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpAllocatorTest {
    private Database db;
    private L3NetworkStore l3s;
    private UsedIpStore used;
    private IpAllocator allocator;

    @BeforeEach
    void setUp() {
        db = Database.h2(new Database.ModuleSchema("kumo-compute-test", getClass().getClassLoader(), "db/changelog/kumo-compute.xml"));
        l3s = NetworkStores.l3(db);
        used = NetworkStores.used(db);
        allocator = new IpAllocator(l3s, used);
    }

    @AfterEach
    void tearDown() { db.close(); }

    private String l3(String... ranges) {
        String l2 = Uuids.random();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        db.execute("INSERT INTO L2NetworkVO (uuid, name, zoneUuid, type, createDate, lastOpDate) VALUES ('" + l2
                + "', 'l2', 'zone', 'L2NoVlanNetwork', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        L3NetworkEntity l3 = new L3NetworkEntity();
        l3.setUuid(Uuids.random());
        l3.setName("l3");
        l3.setType("L3BasicNetwork");
        l3.setZoneUuid("zone");
        l3.setL2NetworkUuid(l2);
        l3.setState("Enabled");
        l3.setCategory("Private");
        l3.setIpVersion(4);
        l3.setMtu(1500);
        l3.setCreateDate(now);
        l3.setLastOpDate(now);
        l3s.create(l3);
        for (String r : ranges) {
            String[] p = r.split(",");  // start,end,netmask,gateway
            addRange(l3.getUuid(), p[0], p[1], p[2], p[3]);
        }
        return l3.getUuid();
    }

    private String addRange(String l3Uuid, String start, String end, String netmask, String gateway) {
        IpRangeSpec spec = IpRangeSpec.of(start, end, netmask, gateway);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        IpRangeEntity e = new IpRangeEntity();
        e.setUuid(Uuids.random());
        e.setL3NetworkUuid(l3Uuid);
        e.setName("r");
        e.setStartIp(start);
        e.setEndIp(end);
        e.setNetmask(netmask);
        e.setGateway(gateway);
        e.setNetworkCidr(spec.networkCidr());
        e.setIpVersion(4);
        e.setPrefixLen(spec.prefix());
        e.setCreateDate(now);
        e.setLastOpDate(now);
        l3s.createRange(e);
        return e.getUuid();
    }

    private void reserve(String l3Uuid, String start, String end) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        ReservedIpRangeEntity r = new ReservedIpRangeEntity();
        r.setUuid(Uuids.random());
        r.setL3NetworkUuid(l3Uuid);
        r.setStartIp(start);
        r.setEndIp(end);
        r.setIpVersion(4);
        r.setCreateDate(now);
        r.setLastOpDate(now);
        l3s.createReserved(r);
    }

    private long rows(String l3Uuid) { return db.queryLong("SELECT COUNT(*) FROM UsedIpVO WHERE l3NetworkUuid = '" + l3Uuid + "'"); }

    @Test
    void fiftyThreadsNeverGetTheSameAddress() throws Exception {
        String l3 = l3("10.0.0.2,10.0.0.254,255.255.255.0,10.0.0.1");
        // a second allocator on the same database: another management node with its own in-memory map
        IpAllocator otherNode = new IpAllocator(l3s, used);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<IpAllocation>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            IpAllocator a = i % 2 == 0 ? allocator : otherNode;
            String owner = "nic" + i;
            calls.add(() -> a.allocate(l3, null, owner));
        }
        Set<String> ips = new HashSet<>();
        for (Future<IpAllocation> f : pool.invokeAll(calls)) {
            IpAllocation a = f.get();
            assertTrue(ips.add(a.ip()), "handed out twice: " + a.ip());
            assertFalse(a.ip().equals("10.0.0.1"), "the gateway was handed out");
        }
        pool.shutdown();
        assertEquals(200, ips.size());
        assertEquals(200, rows(l3));
        assertEquals(200, db.queryLong("SELECT COUNT(DISTINCT ip) FROM UsedIpVO WHERE l3NetworkUuid = '" + l3 + "'"));
    }

    @Test
    void exhaustionIsNoCapacityAndAReleaseMakesRoom() {
        String l3 = l3("10.0.0.1,10.0.0.3,255.255.255.248,10.0.0.6");
        reserve(l3, "10.0.0.2", "10.0.0.2");
        IpAllocation a = allocator.allocate(l3, null, "nic1");
        IpAllocation b = allocator.allocate(l3, null, "nic2");
        assertEquals(Set.of("10.0.0.1", "10.0.0.3"), Set.of(a.ip(), b.ip()));
        ApiException e = assertThrows(ApiException.class, () -> allocator.allocate(l3, null, "nic3"));
        assertEquals(ErrorCode.NO_CAPACITY.code(), e.error().code());
        assertTrue(e.error().details().contains("has no free IP address; add an IP range"), e.error().details());
        allocator.release(a.usedIpUuid());
        assertEquals(a.ip(), allocator.allocate(l3, null, "nic3").ip());
        assertEquals(2, rows(l3));
    }

    @Test
    void noRangeIsNoCapacity() {
        String l3 = l3();
        ApiException e = assertThrows(ApiException.class, () -> allocator.allocate(l3, null, "nic"));
        assertEquals(ErrorCode.NO_CAPACITY.code(), e.error().code());
    }

    @Test
    void staticAddresses() {
        String l3 = l3("192.168.1.10,192.168.1.20,255.255.255.0,192.168.1.1");
        reserve(l3, "192.168.1.15", "192.168.1.16");
        IpAllocation a = allocator.allocate(l3, "192.168.1.12", "nicA");
        assertEquals("192.168.1.12", a.ip());
        assertEquals("192.168.1.1", a.gateway());
        assertEquals("255.255.255.0", a.netmask());

        ApiException taken = assertThrows(ApiException.class, () -> allocator.allocate(l3, "192.168.1.12", "nicB"));
        assertEquals(ErrorCode.CONFLICT.code(), taken.error().code());
        assertEquals("IP 192.168.1.12 is already used by nicA; pick another, or call GetFreeIp", taken.error().details());

        for (String bad : List.of("192.168.1.1", "192.168.1.15", "192.168.1.21", "192.168.1.9", "10.0.0.1")) {
            ApiException e = assertThrows(ApiException.class, () -> allocator.allocate(l3, bad, "nicB"), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT.code(), e.error().code(), bad);
        }
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(),
                assertThrows(ApiException.class, () -> allocator.allocate(l3, "192.168.1.300", "nicB")).error().code());
        // a dynamic allocation skips the static one, the gateway and the reserved addresses
        Set<String> dynamic = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            dynamic.add(allocator.allocate(l3, null, "d" + i).ip());
        }
        assertEquals(Set.of("192.168.1.10", "192.168.1.11", "192.168.1.13", "192.168.1.14", "192.168.1.17", "192.168.1.18",
                "192.168.1.19", "192.168.1.20"), dynamic);
        assertEquals(9, rows(l3));
    }

    @Test
    void freeIpsSkipUsedReservedAndGateways() {
        // each range's gateway is outside it, but the first one's (10.1.0.25) is inside the second
        String l3 = l3("10.1.0.2,10.1.0.10,255.255.255.0,10.1.0.25", "10.1.0.20,10.1.0.30,255.255.255.0,10.1.0.1");
        reserve(l3, "10.1.0.4", "10.1.0.5");
        allocator.allocate(l3, "10.1.0.3", "nic");
        List<String> free = allocator.freeIps(l3, null, "0.0.0.0", 8).stream().map(FreeIpInventory::ip).toList();
        assertEquals(List.of("10.1.0.2", "10.1.0.6", "10.1.0.7", "10.1.0.8", "10.1.0.9", "10.1.0.10", "10.1.0.20", "10.1.0.21"), free);
        List<String> fromStart = allocator.freeIps(l3, null, "10.1.0.22", 100).stream().map(FreeIpInventory::ip).toList();
        assertEquals(List.of("10.1.0.22", "10.1.0.23", "10.1.0.24", "10.1.0.26", "10.1.0.27", "10.1.0.28", "10.1.0.29", "10.1.0.30"),
                fromStart);
        assertNull(allocator.unavailableReason(l3, "10.1.0.2"));
        assertTrue(allocator.unavailableReason(l3, "10.1.0.3").startsWith("used by nic"));
        assertTrue(allocator.unavailableReason(l3, "10.1.0.4").contains("reserved"));
        assertTrue(allocator.unavailableReason(l3, "10.1.0.11").contains("not in any IP range"));
    }

    @Test
    void dynamicAllocationStaysFastWith25000UsedAddressesInASlash16() throws Exception {
        String l3 = l3("10.8.0.2,10.8.255.254,255.255.0.0,10.8.0.1");
        String range = l3s.rangesOf(l3).get(0).getUuid();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO UsedIpVO (uuid, l3NetworkUuid, ipRangeUuid, ip, ipInLong, "
                     + "netmask, gateway, ipVersion, ownerUuid, createDate) VALUES (?, ?, ?, ?, ?, '255.255.0.0', '10.8.0.1', 4, 'x', CURRENT_TIMESTAMP)")) {
            long base = Ipv4.parse("10.8.0.2", "ip");
            for (int i = 0; i < 25_000; i++) {
                ps.setString(1, Uuids.random());
                ps.setString(2, l3);
                ps.setString(3, range);
                ps.setString(4, Ipv4.format(base + i));
                ps.setLong(5, base + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        allocator.allocate(l3, null, "warm-up");  // builds the map once
        Set<String> ips = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ips.add(allocator.allocate(l3, null, "nic" + i).ip());
        }
        assertEquals(500, ips.size());
        assertFalse(ips.contains("10.8.0.2"));
        assertEquals(25_501, rows(l3));
    }
}
