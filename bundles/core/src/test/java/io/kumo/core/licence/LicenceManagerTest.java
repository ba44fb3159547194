package io.kumo.core.licence;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.job.StepContext;
import io.kumo.api.licence.LicenceInventory;
import io.kumo.api.licence.LicenceService;
import io.kumo.api.node.ClusterService;
import io.kumo.api.node.ManagementNodeInventory;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.job.Step;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The licence rules on a real schema: a module needs its own licence and a platform licence; expiry refuses new
 * operations but keeps reads; capacity; a row changed in the database counts for nothing; the upload and delete
 * operations and their rollbacks.
 */
class LicenceManagerTest {
    private static final Instant START = Instant.parse("2026-12-04T12:00:00Z");
    private static final String NODE = "1".repeat(32);
    private final TestLicences issuer = new TestLicences();
    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private Database db;
    private LicenceStore store;
    private LicenceManager licences;
    private UpdateLicenseOperation update;
    private DeleteLicenseOperation delete;

    @BeforeEach
    void open() {
        db = Database.h2();
        store = Stores.licences(db);
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        licences = new LicenceManager(store, issuer.trust(), clock);
        ClusterService cluster = new ClusterService() {
            @Override public String localNodeUuid() { return NODE; }
            @Override public String ownerOf(String key) { return NODE; }
            @Override public List<ManagementNodeInventory> nodes() {
                return List.of(new ManagementNodeInventory(NODE, "localhost", "Running", "1", null, null, 0));
            }
        };
        update = new UpdateLicenseOperation(licences, store, cluster, event -> { });
        delete = new DeleteLicenseOperation(licences, store, cluster, event -> { });
    }

    @AfterEach
    void close() { db.close(); }

    private static String code(Runnable r) {
        return assertThrows(ApiException.class, r::run).error().code();
    }

    private static OperationRequest request(String operation, Map<String, Object> params) {
        return new OperationRequest(operation, params, List.of(), List.of(), Caller.system("test"), "r");
    }

    /** Checks and runs an operation's flow as the job engine does, rolling back the completed steps on a failure. */
    private OperationResult run(io.kumo.api.operation.AsyncOperation op, Map<String, Object> params, String failAtStep) throws Exception {
        OperationRequest req = request(op.descriptor().name(), params);
        op.check(req);
        Map<String, Object> scratch = new HashMap<>();
        AtomicReference<OperationResult> result = new AtomicReference<>();
        StepContext ctx = new StepContext() {
            @Override public String jobId() { return "job"; }
            @Override public OperationRequest request() { return req; }
            @Override public void put(String key, Object value) { scratch.put(key, value); }
            @Override public Object get(String key) { return scratch.get(key); }
            @Override public void progress(int percent, String message) { }
            @Override public void result(OperationResult r) { result.set(r); }
        };
        List<Step> steps = op.flow(req).steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(failAtStep)) {
                for (int j = i - 1; j >= 0; j--) {
                    steps.get(j).rollback(ctx);
                }
                throw new IllegalStateException("injected failure at " + failAtStep);
            }
            steps.get(i).run(ctx);
        }
        return result.get();
    }

    private Map<String, Object> upload(Map<String, Object> payload) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("managementNodeUuid", NODE);
        p.put("license", issuer.upload(payload));
        return p;
    }

    private void uploadPlatform(String uuid, int hosts, Instant expires) throws Exception {
        run(update, upload(TestLicences.platform(uuid, "host", hosts, START, expires)), null);
    }

    @Test
    void withoutLicencesTheCommunityEditionRunsNoPlusModule() {
        assertTrue(licences.platformLicence().isEmpty());
        ApiException e = assertThrows(ApiException.class, () -> licences.checkModule("vmware", false));
        assertEquals(LicenceService.LICENCE_REQUIRED.code(), e.error().code());
        assertEquals(403, e.error().httpStatus());
        assertTrue(e.error().details().contains("platform licence"), e.error().details());
        assertDoesNotThrow(() -> licences.checkCapacity(LicenceInventory.QUOTA_HOST, 1_000_000), "no capacity limit");
    }

    @Test
    void aModuleNeedsItsOwnLicenceOnTopOfThePlatformLicence() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(365, ChronoUnit.DAYS));
        ApiException e = assertThrows(ApiException.class, () -> licences.checkModule("vmware", true));
        assertEquals(LicenceService.LICENCE_REQUIRED.code(), e.error().code());
        assertTrue(e.error().details().contains("installed but has no licence"));

        // the wrong module's licence does not help
        run(update, upload(TestLicences.module("b".repeat(32), List.of("baremetal"), START, START.plus(30, ChronoUnit.DAYS))), null);
        assertEquals(LicenceService.LICENCE_REQUIRED.code(), code(() -> licences.checkModule("vmware", true)));
        assertDoesNotThrow(() -> licences.checkModule("baremetal", true));

        run(update, upload(TestLicences.module("c".repeat(32), List.of("vmware"), START, START.plus(30, ChronoUnit.DAYS))), null);
        assertDoesNotThrow(() -> licences.checkModule("vmware", true));
        assertEquals(List.of("baremetal", "vmware"), licences.moduleLicences().stream().flatMap(l -> l.modules().stream()).sorted().toList());
    }

    @Test
    void afterExpiryReadsAreServedAndNewOperationsRefused() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(365, ChronoUnit.DAYS));
        run(update, upload(TestLicences.module("c".repeat(32), List.of("vmware"), START, START.plus(30, ChronoUnit.DAYS))), null);
        now.set(START.plus(31, ChronoUnit.DAYS));
        licences.invalidate();
        ApiException e = assertThrows(ApiException.class, () -> licences.checkModule("vmware", true));
        assertEquals(LicenceService.LICENCE_EXPIRED.code(), e.error().code());
        assertTrue(e.error().details().contains("keeps running"), e.error().details());
        assertDoesNotThrow(() -> licences.checkModule("vmware", false), "reads of what exists");
        assertTrue(licences.moduleLicences().get(0).expired());

        now.set(START.plus(400, ChronoUnit.DAYS));
        licences.invalidate();
        assertTrue(licences.platformLicence().orElseThrow().expired());
        assertTrue(assertThrows(ApiException.class, () -> licences.checkModule("vmware", true)).error().details().contains("platform licence"));
    }

    @Test
    void capacityCountsWhatThePlatformLicenceCounts() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(365, ChronoUnit.DAYS));
        assertDoesNotThrow(() -> licences.checkCapacity(LicenceInventory.QUOTA_HOST, 10));
        ApiException e = assertThrows(ApiException.class, () -> licences.checkCapacity(LicenceInventory.QUOTA_HOST, 11));
        assertEquals(LicenceService.LICENCE_CAPACITY_EXCEEDED.code(), e.error().code());
        assertTrue(e.error().details().contains("allows 10 hosts and this would make 11"), e.error().details());
        assertDoesNotThrow(() -> licences.checkCapacity(LicenceInventory.QUOTA_CPU, 500), "sockets are not counted by a host licence");
    }

    @Test
    void aNewPlatformLicenceReplacesTheOldOneAndARollbackPutsItBack() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(365, ChronoUnit.DAYS));
        OperationResult r = run(update, upload(TestLicences.platform("d".repeat(32), "cpu", 64, START, START.plus(730, ChronoUnit.DAYS))), null);
        assertEquals("d".repeat(32), ((LicenceInventory) r.body().get("inventory")).uuid());
        assertEquals(64, licences.platformLicence().orElseThrow().cpuNum());
        assertEquals(1, store.all().size(), "one platform licence at a time");

        // a third upload fails after storing: the second licence is back, the third is gone
        assertThrows(IllegalStateException.class, () -> run(update,
                upload(TestLicences.platform("e".repeat(32), "host", 3, START, START.plus(10, ChronoUnit.DAYS))), "announce"));
        licences.invalidate();
        assertEquals("d".repeat(32), licences.platformLicence().orElseThrow().uuid());
        assertEquals(List.of("d".repeat(32)), store.all().stream().map(LicenceEntity::getUuid).toList());
    }

    @Test
    void moduleLicencesNeedAPlatformLicenceAndBadUploadsWriteNothing() {
        ApiException e = assertThrows(ApiException.class, () -> update.check(request("UpdateLicense",
                upload(TestLicences.module("c".repeat(32), List.of("vmware"), START, START.plus(30, ChronoUnit.DAYS))))));
        assertTrue(e.error().details().contains("upload the platform licence first"));
        Map<String, Object> forged = upload(TestLicences.platform("a".repeat(32), "host", 10, START, START.plus(30, ChronoUnit.DAYS)));
        forged.put("license", new TestLicences().upload(TestLicences.platform("a".repeat(32), "host", 10, START, START.plus(30, ChronoUnit.DAYS))));
        assertEquals(LicenceService.INVALID_LICENCE.code(), code(() -> update.check(request("UpdateLicense", forged))));
        Map<String, Object> otherNode = upload(TestLicences.platform("a".repeat(32), "host", 10, START, START.plus(30, ChronoUnit.DAYS)));
        otherNode.put("managementNodeUuid", "9".repeat(32));
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND.code(), code(() -> update.check(request("UpdateLicense", otherNode))));
        assertEquals(List.of(), store.all());
    }

    @Test
    void aLicenceRowChangedInTheDatabaseCountsForNothing() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(365, ChronoUnit.DAYS));
        LicenceEntity row = store.find("a".repeat(32));
        row.setContent(row.getContent().replace("\"signature\":\"", "\"signature\":\"AAAA"));
        store.put(row);
        licences.invalidate();
        assertTrue(licences.platformLicence().isEmpty());
    }

    @Test
    void deletesByUuidOrByModule() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(365, ChronoUnit.DAYS));
        run(update, upload(TestLicences.module("c".repeat(32), List.of("vmware", "baremetal"), START, START.plus(30, ChronoUnit.DAYS))), null);
        Map<String, Object> byModule = new LinkedHashMap<>(Map.of("managementNodeUuid", NODE, "module", "vmware"));
        run(delete, byModule, null);
        assertEquals(LicenceService.LICENCE_REQUIRED.code(), code(() -> licences.checkModule("baremetal", true)),
                "the licence named both modules and is gone");
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND.code(), code(() -> delete.check(request("DeleteLicense", byModule))));
        Map<String, Object> neither = new LinkedHashMap<>(Map.of("managementNodeUuid", NODE));
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), code(() -> delete.check(request("DeleteLicense", neither))));

        Map<String, Object> byUuid = new LinkedHashMap<>(Map.of("managementNodeUuid", NODE, "uuid", "a".repeat(32)));
        assertThrows(IllegalStateException.class, () -> run(delete, byUuid, "announce"));
        licences.invalidate();
        assertFalse(licences.platformLicence().isEmpty(), "rolled back");
        run(delete, byUuid, null);
        assertTrue(licences.platformLicence().isEmpty());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM LicenseVO"));
    }

    @Test
    void uploadDatesAreKept() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(365, ChronoUnit.DAYS));
        assertEquals(Timestamp.from(START), licences.platformLicence().orElseThrow().uploadDate());
    }
}
