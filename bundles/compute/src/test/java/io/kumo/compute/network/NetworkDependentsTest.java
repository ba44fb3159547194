package io.kumo.compute.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.inventory.DependentResourceService;
import io.kumo.api.inventory.Uuids;
import io.kumo.compute.network.ipam.IpAllocator;
import io.kumo.compute.network.ipam.IpRangeSpec;
import io.kumo.compute.network.ipam.Ipv4;
import io.kumo.compute.network.ipam.UsedIpEntity;
import io.kumo.compute.network.ipam.UsedIpStore;
import io.kumo.compute.network.l2.L2ClusterRefEntity;
import io.kumo.compute.network.l2.L2NetworkEntity;
import io.kumo.compute.network.l2.L2NetworkManager;
import io.kumo.compute.network.l2.L2NetworkStore;
import io.kumo.compute.network.l3.IpRangeEntity;
import io.kumo.compute.network.l3.L3DnsEntity;
import io.kumo.compute.network.l3.L3NetworkEntity;
import io.kumo.compute.network.l3.L3NetworkStore;
import io.kumo.core.testing.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delete modes of the network area on H2: what blocks a parent's deletion, the Enforcing cascade, and exact restores. */
class NetworkDependentsTest {
    private Database db;
    private L2NetworkStore l2s;
    private L3NetworkStore l3s;
    private UsedIpStore used;
    private IpAllocator allocator;
    private NetworkDependents dependents;
    private final List<ResourceEvent> events = new ArrayList<>();
    private final List<String> l3DependentsDeleted = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = Database.h2(new Database.ModuleSchema("kumo-compute-test", getClass().getClassLoader(), "db/changelog/kumo-compute.xml"));
        l2s = NetworkStores.l2(db);
        l3s = NetworkStores.l3(db);
        used = NetworkStores.used(db);
        allocator = new IpAllocator(l3s, used);
        DependentResourceService vmModule = new DependentResourceService() {
            @Override public List<String> dependentsOf(String type, String uuid) { return List.of(); }
            @Override public void requireNoDependents(String type, String uuid) { }
            @Override public void deleteDependents(String type, String uuid) { l3DependentsDeleted.add(type + ":" + uuid); }
        };
        NetworkDeleter deleter = new NetworkDeleter(l2s, new L2NetworkManager(l2s, List.of()), l3s, used, allocator, vmModule,
                new NetworkEvents(events::add));
        dependents = new NetworkDependents(l2s, l3s, deleter);
    }

    @AfterEach
    void tearDown() { db.close(); }

    private String l2(String zone, String type, String pool) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        L2NetworkEntity l2 = new L2NetworkEntity();
        l2.setUuid(Uuids.random());
        l2.setName(type);
        l2.setZoneUuid(zone);
        l2.setType(type);
        l2.setPoolUuid(pool);
        l2.setVni(pool == null ? null : 100);
        l2.setCreateDate(now);
        l2.setLastOpDate(now);
        l2s.create(l2);
        return l2.getUuid();
    }

    private String l3(String l2, String cidr) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        L3NetworkEntity l3 = new L3NetworkEntity();
        l3.setUuid(Uuids.random());
        l3.setName("l3");
        l3.setType("L3BasicNetwork");
        l3.setZoneUuid("z");
        l3.setL2NetworkUuid(l2);
        l3.setState("Enabled");
        l3.setCategory("Private");
        l3.setIpVersion(4);
        l3.setMtu(1500);
        l3.setCreateDate(now);
        l3.setLastOpDate(now);
        l3s.create(l3);
        IpRangeSpec spec = IpRangeSpec.ofCidr(cidr, null);
        IpRangeEntity r = new IpRangeEntity();
        r.setUuid(Uuids.random());
        r.setL3NetworkUuid(l3.getUuid());
        r.setName("r");
        r.setStartIp(Ipv4.format(spec.start()));
        r.setEndIp(Ipv4.format(spec.end()));
        r.setNetmask(spec.netmask());
        r.setGateway(Ipv4.format(spec.gateway()));
        r.setNetworkCidr(spec.networkCidr());
        r.setIpVersion(4);
        r.setPrefixLen(spec.prefix());
        r.setCreateDate(now);
        r.setLastOpDate(now);
        l3s.createRange(r);
        L3DnsEntity dns = new L3DnsEntity();
        dns.setUuid(Uuids.random());
        dns.setL3NetworkUuid(l3.getUuid());
        dns.setDns("8.8.8.8");
        dns.setCreateDate(now);
        l3s.addDns(dns);
        return l3.getUuid();
    }

    private long count(String table) { return db.queryLong("SELECT COUNT(*) FROM " + table); }

    @Test
    void zoneDependentsAndTheEnforcingCascade() throws Exception {
        String noVlan = l2("zone", L2NetworkEntity.NO_VLAN, null);
        String pool = l2("zone", L2NetworkEntity.VXLAN_POOL, null);
        String vxlan = l2("zone", L2NetworkEntity.VXLAN, pool);
        l2("other", L2NetworkEntity.NO_VLAN, null);
        String l3a = l3(noVlan, "10.0.0.0/24");
        String l3b = l3(vxlan, "10.1.0.0/24");
        allocator.allocate(l3a, null, "nic1");
        allocator.allocate(l3b, "10.1.0.9", "nic2");

        assertEquals(3, dependents.dependentsOf("zone", "zone").size());
        List<String> ofPool = dependents.dependentsOf("l2Network", pool);
        assertEquals(1, ofPool.size());
        assertTrue(ofPool.get(0).contains(vxlan));
        assertTrue(dependents.dependentsOf("l2Network", noVlan).get(0).contains(l3a));
        assertTrue(dependents.dependentsOf("cluster", "c1").isEmpty(), "attachments never block a cluster's deletion");

        dependents.deleteDependents("zone", "zone");
        assertEquals(1, count("L2NetworkVO"));
        assertEquals(0, count("L3NetworkVO"));
        assertEquals(0, count("IpRangeVO"));
        assertEquals(0, count("L3NetworkDnsVO"));
        assertEquals(0, count("UsedIpVO"));
        assertEquals(List.of("l3Network:" + l3a, "l3Network:" + l3b).stream().sorted().toList(),
                l3DependentsDeleted.stream().sorted().toList(), "the VM module was asked to delete the NICs of each L3 network");
        assertEquals(5, events.stream().filter(e -> e.type() == EventType.DELETED).count());
    }

    @Test
    void aDeletedClustersAttachmentsGo() {
        String l2 = l2("zone", L2NetworkEntity.NO_VLAN, null);
        for (String c : List.of("c1", "c2")) {
            L2ClusterRefEntity ref = new L2ClusterRefEntity();
            ref.setUuid(Uuids.random());
            ref.setL2NetworkUuid(l2);
            ref.setClusterUuid(c);
            ref.setCreateDate(new Timestamp(System.currentTimeMillis()));
            l2s.attach(ref);
        }
        new ClusterDeletionListener(l2s).onEvent(new ResourceEvent(EventType.DELETED, "cluster", "c1", null, null, null, null, null));
        assertEquals(List.of("c2"), l2s.find(l2).attachedClusterUuids());
    }

    @Test
    void aVxlanNetworkReachesItsPoolsClusters() {
        String pool = l2("zone", L2NetworkEntity.VXLAN_POOL, null);
        String vxlan = l2("zone", L2NetworkEntity.VXLAN, pool);
        String l3 = l3(vxlan, "10.3.0.0/24");
        L2ClusterRefEntity ref = new L2ClusterRefEntity();
        ref.setUuid(Uuids.random());
        ref.setL2NetworkUuid(pool);
        ref.setClusterUuid("c1");
        ref.setCreateDate(new Timestamp(System.currentTimeMillis()));
        l2s.attach(ref);
        L2NetworkManager l2m = new L2NetworkManager(l2s, List.of());
        NetworkManager networks = new NetworkManager(l2s, l2m, l3s, allocator);
        assertEquals(java.util.Set.of("c1"), networks.clustersReaching(l3));
        assertEquals(List.of("c1"), networks.l2Network(vxlan).orElseThrow().attachedClusterUuids());
        assertEquals(java.util.Set.of(), networks.clustersReaching("0123456789abcdef0123456789abcdef"));
    }

    @Test
    void aDeletedL3NetworkIsRestoredExactlyFromItsJobSnapshot() throws Exception {
        String l2 = l2("zone", L2NetworkEntity.NO_VLAN, null);
        String l3 = l3(l2, "10.9.0.0/24");
        String ip = allocator.allocate(l3, null, "nic").ip();
        L3NetworkEntity before = l3s.find(l3);
        // what the delete step keeps in the job context, through JSON as the job store persists it
        ObjectMapper json = new ObjectMapper();
        Map<?, ?> l3Snap = json.readValue(json.writeValueAsString(Snapshots.of(before)), Map.class);
        Object ranges = json.readValue(json.writeValueAsString(Snapshots.ofAll(before.ipRanges())), List.class);
        Object dns = json.readValue(json.writeValueAsString(Snapshots.ofAll(before.dnsRows())), List.class);
        Object usedIps = json.readValue(json.writeValueAsString(Snapshots.ofAll(used.inL3(l3))), List.class);
        used.deleteAll(used.inL3(l3).stream().map(UsedIpEntity::getUuid).toList());
        l3s.delete(l3);
        assertNull(l3s.find(l3));

        l3s.restore(Snapshots.restore(l3Snap, L3NetworkEntity.class), Snapshots.restoreAll(ranges, IpRangeEntity.class), List.of(),
                Snapshots.restoreAll(dns, L3DnsEntity.class));
        used.restore(Snapshots.restoreAll(usedIps, UsedIpEntity.class));
        L3NetworkEntity after = l3s.find(l3);
        assertNotNull(after);
        assertEquals(before.toInventory(), after.toInventory());
        assertTrue(allocator.unavailableReason(l3, ip).startsWith("used by nic"));
    }
}
