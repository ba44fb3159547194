package io.kumo.compute.storage;

import io.kumo.api.job.Flow;
import io.kumo.api.job.Step;
import io.kumo.api.job.StepContext;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.compute.image.ImageStore;
import io.kumo.core.testing.Database;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The storage stores on a test database (each public method in its own transaction), and a job runner. */
public final class StorageFixtures {
    private StorageFixtures() { }

    /** @return a database with the kernel's and compute's schema */
    public static Database database() {
        return Database.h2(new Database.ModuleSchema("kumo-compute-test", StorageFixtures.class.getClassLoader(),
                "db/changelog/kumo-compute.xml"));
    }

    /** @return a primary storage store on db */
    public static PrimaryStorageStore primary(Database db) {
        PrimaryStorageStore s = new PrimaryStorageStore(null) {
            @Override public void create(PrimaryStorageEntity ps) { db.inTransaction(() -> super.create(ps)); }
            @Override public PrimaryStorageEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean exists(String uuid) { return db.inTransaction(() -> super.exists(uuid)); }
            @Override public PrimaryStorageEntity update(String uuid, java.util.function.Consumer<PrimaryStorageEntity> c) { return db.inTransaction(() -> super.update(uuid, c)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
            @Override public void restore(Object snapshot) { db.inTransaction(() -> super.restore(snapshot)); }
            @Override public List<PrimaryStorageEntity> inZone(String z) { return db.inTransaction(() -> super.inZone(z)); }
            @Override public List<PrimaryStorageEntity> attachedTo(String c) { return db.inTransaction(() -> super.attachedTo(c)); }
            @Override public int detachCluster(String c) { return db.inTransaction(() -> super.detachCluster(c)); }
            @Override public boolean reserve(String uuid, long bytes) { return db.inTransaction(() -> super.reserve(uuid, bytes)); }
            @Override public void release(String uuid, long bytes) { db.inTransaction(() -> super.release(uuid, bytes)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @return a backup storage store on db */
    public static BackupStorageStore backup(Database db) {
        BackupStorageStore s = new BackupStorageStore(null) {
            @Override public void create(BackupStorageEntity bs) { db.inTransaction(() -> super.create(bs)); }
            @Override public BackupStorageEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean exists(String uuid) { return db.inTransaction(() -> super.exists(uuid)); }
            @Override public BackupStorageEntity update(String uuid, java.util.function.Consumer<BackupStorageEntity> c) { return db.inTransaction(() -> super.update(uuid, c)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
            @Override public List<BackupStorageEntity> attachedTo(String z) { return db.inTransaction(() -> super.attachedTo(z)); }
            @Override public int detachZone(String z) { return db.inTransaction(() -> super.detachZone(z)); }
            @Override public void consume(String uuid, long bytes) { db.inTransaction(() -> super.consume(uuid, bytes)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** @return an image store on db */
    public static ImageStore images(Database db) {
        ImageStore s = new ImageStore(null) {
            @Override public void create(io.kumo.compute.image.ImageEntity i, List<String> bs) { db.inTransaction(() -> super.create(i, bs)); }
            @Override public io.kumo.compute.image.ImageEntity find(String uuid) { return db.inTransaction(() -> super.find(uuid)); }
            @Override public boolean exists(String uuid) { return db.inTransaction(() -> super.exists(uuid)); }
            @Override public io.kumo.compute.image.ImageEntity update(String uuid, java.util.function.Consumer<io.kumo.compute.image.ImageEntity> c) { return db.inTransaction(() -> super.update(uuid, c)); }
            @Override public void refReady(String i, String b, String p) { db.inTransaction(() -> super.refReady(i, b, p)); }
            @Override public boolean deleteRef(String i, String b) { return db.inTransaction(() -> super.deleteRef(i, b)); }
            @Override public boolean delete(String uuid) { return db.inTransaction(() -> super.delete(uuid)); }
            @Override public List<io.kumo.compute.image.ImageEntity> onBackupStorage(String b) { return db.inTransaction(() -> super.onBackupStorage(b)); }
        };
        s.setEntityManager(db.entityManager());
        return s;
    }

    /** Adds a zone row. */
    public static void zone(Database db, String uuid) {
        db.execute("INSERT INTO ZoneVO (uuid, name, state, type, isDefault, createDate, lastOpDate) VALUES ('" + uuid
                + "', 'z', 'Enabled', 'zstack', false, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    /** @return a connected, enabled primary storage of that capacity, persisted */
    public static PrimaryStorageEntity primaryStorage(PrimaryStorageStore store, String uuid, String zoneUuid, long capacity) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        PrimaryStorageEntity ps = new PrimaryStorageEntity();
        ps.setUuid(uuid);
        ps.setZoneUuid(zoneUuid);
        ps.setName("ps");
        ps.setUrl("/ps");
        ps.setType("Fake");
        ps.setState("Enabled");
        ps.setStatus("Connected");
        ps.setTotalCapacity(capacity);
        ps.setAvailableCapacity(capacity);
        ps.setTotalPhysicalCapacity(capacity);
        ps.setAvailablePhysicalCapacity(capacity);
        ps.setCreateDate(now);
        ps.setLastOpDate(now);
        store.create(ps);
        return ps;
    }

    /** @return a connected, enabled backup storage attached to the zone, persisted */
    public static BackupStorageEntity backupStorage(BackupStorageStore store, String uuid, String zoneUuid, long capacity) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        BackupStorageEntity bs = new BackupStorageEntity();
        bs.setUuid(uuid);
        bs.setName("bs-" + uuid.substring(0, 4));
        bs.setUrl("/bs");
        bs.setType("Fake");
        bs.setState("Enabled");
        bs.setStatus("Connected");
        bs.setTotalCapacity(capacity);
        bs.setAvailableCapacity(capacity);
        bs.setAttachedZoneUuids(List.of(zoneUuid));
        bs.setCreateDate(now);
        bs.setLastOpDate(now);
        store.create(bs);
        return bs;
    }

    /** @return a request of an operation by the admin */
    public static OperationRequest request(String operation, Map<String, Object> params) {
        return new OperationRequest(operation, params, List.of(), List.of(), Caller.system("internal"),
                io.kumo.api.inventory.Uuids.random());
    }

    /** What a job did: its result, its progress reports and its failure. */
    public static final class Run implements StepContext {
        private final OperationRequest request;
        private final Map<String, Object> values = new HashMap<>();
        /** The progress percentages reported. */
        public final List<Integer> progress = new ArrayList<>();
        /** The result, if it succeeded. */
        public OperationResult result;
        /** Why it failed, or null. */
        public Exception failure;

        Run(OperationRequest request) { this.request = request; }

        @Override public String jobId() { return request.requestId(); }
        @Override public OperationRequest request() { return request; }
        @Override public void put(String key, Object value) { values.put(key, value); }
        @Override public Object get(String key) { return values.get(key); }
        @Override public void progress(int percent, String message) { progress.add(percent); }
        @Override public void result(OperationResult r) { result = r; }
    }

    /** Runs a flow as the job engine does: on a failure, the failed step and those before it are rolled back. */
    public static Run run(Flow flow, OperationRequest request) {
        Run run = new Run(request);
        List<Step> steps = flow.steps();
        for (int i = 0; i < steps.size(); i++) {
            try {
                steps.get(i).run(run);
            } catch (Exception e) {
                run.failure = e;
                for (int j = i; j >= 0; j--) {
                    try {
                        steps.get(j).rollback(run);
                    } catch (Exception ignored) {
                        // logged by the engine; rollback goes on
                    }
                }
                return run;
            }
        }
        return run;
    }
}
