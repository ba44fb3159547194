package io.kumo.compute.network;

import io.kumo.compute.network.ipam.UsedIpEntity;
import io.kumo.compute.network.ipam.UsedIpStore;
import io.kumo.compute.network.l2.L2ClusterRefEntity;
import io.kumo.compute.network.l2.L2NetworkEntity;
import io.kumo.compute.network.l2.L2NetworkStore;
import io.kumo.compute.network.l3.IpRangeEntity;
import io.kumo.compute.network.l3.L3DnsEntity;
import io.kumo.compute.network.l3.L3NetworkEntity;
import io.kumo.compute.network.l3.L3NetworkStore;
import io.kumo.compute.network.l3.ReservedIpRangeEntity;
import io.kumo.core.testing.Database;

import java.util.List;

/** The network stores as the tests use them: each method used runs in its own transaction (what @Transactional does in OSGi). */
public final class NetworkStores {
    private NetworkStores() { }

    /** @param db the database @return an L3 store on it */
    public static L3NetworkStore l3(Database db) {
        L3NetworkStore s = new L3NetworkStore(null) {
            @Override public void create(L3NetworkEntity l3) { db.inTransaction(() -> super.create(l3)); }
            @Override public L3NetworkEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public List<IpRangeEntity> rangesOf(String uuid) { return db.inTransaction(() -> super.rangesOf(uuid)); }
            @Override public List<ReservedIpRangeEntity> reservedOf(String uuid) { return db.inTransaction(() -> super.reservedOf(uuid)); }
            @Override public void createRange(IpRangeEntity range) { db.inTransaction(() -> super.createRange(range)); }
            @Override public void createReserved(ReservedIpRangeEntity range) { db.inTransaction(() -> super.createReserved(range)); }
            @Override public List<L3NetworkEntity> onL2(String uuid) { return db.inTransaction(() -> super.onL2(uuid)); }
            @Override public void delete(String uuid) { db.inTransaction(() -> super.delete(uuid)); }
            @Override public void restore(L3NetworkEntity l3, List<IpRangeEntity> ranges, List<ReservedIpRangeEntity> reserved, List<L3DnsEntity> dns) {
                db.inTransaction(() -> super.restore(l3, ranges, reserved, dns));
            }
            @Override public void addDns(L3DnsEntity dns) { db.inTransaction(() -> super.addDns(dns)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @return an L2 store on it */
    public static L2NetworkStore l2(Database db) {
        L2NetworkStore s = new L2NetworkStore(null) {
            @Override public void create(L2NetworkEntity l2) { db.inTransaction(() -> super.create(l2)); }
            @Override public L2NetworkEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public void delete(String uuid) { db.inTransaction(() -> super.delete(uuid)); }
            @Override public List<L2NetworkEntity> inZone(String zone) { return db.inTransaction(() -> super.inZone(zone)); }
            @Override public List<L2NetworkEntity> vxlansOf(String pool) { return db.inTransaction(() -> super.vxlansOf(pool)); }
            @Override public void attach(L2ClusterRefEntity ref) { db.inTransaction(() -> super.attach(ref)); }
            @Override public int deleteRefsOfCluster(String cluster) { return db.inTransaction(() -> super.deleteRefsOfCluster(cluster)); }
            @Override public L2NetworkEntity vlanUser(String zone, String nic, int vlan) { return db.inTransaction(() -> super.vlanUser(zone, nic, vlan)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @param db the database @return a used-IP store on it */
    public static UsedIpStore used(Database db) {
        UsedIpStore s = new UsedIpStore() {
            @Override public void insert(UsedIpEntity used) { db.inTransaction(() -> super.insert(used)); }
            @Override public UsedIpEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
            @Override public UsedIpEntity findByIp(String l3, String ip) { return db.inTransaction(() -> super.findByIp(l3, ip)); }
            @Override public List<UsedIpEntity> inL3(String l3) { return db.inTransaction(() -> super.inL3(l3)); }
            @Override public void deleteAll(List<String> uuids) { db.inTransaction(() -> super.deleteAll(uuids)); }
            @Override public void restore(List<UsedIpEntity> rows) { db.inTransaction(() -> super.restore(rows)); }
            @Override public List<Long> usedValues(String l3) { return db.inTransaction(() -> super.usedValues(l3)); }
            @Override public List<Long> usedBetween(String l3, long from, long to, int max) {
                return db.inTransaction(() -> super.usedBetween(l3, from, to, max));
            }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }
}
