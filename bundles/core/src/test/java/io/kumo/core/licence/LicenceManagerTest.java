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
    private final java.util.concurrent.atomic.AtomicInteger liveNodes = new java.util.concurrent.atomic.AtomicInteger(1);
    private final List<io.kumo.api.event.ResourceEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
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
        ClusterService cluster = new ClusterService() {
            @Override public String localNodeUuid() { return NODE; }
            @Override public String ownerOf(String key) { return NODE; }
            @Override public List<ManagementNodeInventory> nodes() {
                return java.util.stream.IntStream.range(0, liveNodes.get())
                        .mapToObj(i -> new ManagementNodeInventory(i == 0 ? NODE : String.valueOf(i).repeat(32), "localhost",
                                "Running", "1", null, null, 0)).toList();
            }
        };
        licences = new LicenceManager(store, issuer.trust(), clock, cluster);
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

    private TrialLicence trial() {
        return new TrialLicence(store, licences, true, issuer.sign(TestLicences.trialGrant("7".repeat(32), 30,
                START.plus(3650, ChronoUnit.DAYS))));
    }

    @Test
    void theFirstStartStartsATrialOfEveryModuleForItsDaysOnce() throws Exception {
        LicenceInventory t = trial().startIfFirst().orElseThrow();
        assertEquals(LicenceInventory.TRIAL, t.licenseType());
        assertEquals(Timestamp.from(START.plus(30, ChronoUnit.DAYS)), t.expiredDate(), "30 days from the first start");
        assertEquals(List.of("baremetal", "disaster-recovery", "enterprise-management", "vmware"), t.modules());
        for (String module : io.kumo.api.licence.LicensedModules.ALL) {
            assertDoesNotThrow(() -> licences.checkModule(module, true), module);
        }
        assertDoesNotThrow(() -> licences.checkCapacity(LicenceInventory.QUOTA_HOST, 100_000), "a trial limits no capacity");
        assertFalse(licences.limits(LicenceInventory.QUOTA_HOST));
        assertTrue(trial().startIfFirst().isEmpty(), "never a second time");

        liveNodes.set(2);
        licences.invalidate();
        ApiException e = assertThrows(ApiException.class, () -> licences.checkModule("vmware", false));
        assertEquals(LicenceService.LICENCE_REQUIRED.code(), e.error().code());
        assertTrue(e.error().details().contains("single management node, and 2 are running"), e.error().details());
        liveNodes.set(1);

        now.set(START.plus(31, ChronoUnit.DAYS));
        licences.invalidate();
        assertEquals(LicenceService.LICENCE_EXPIRED.code(), code(() -> licences.checkModule("vmware", true)));
        assertDoesNotThrow(() -> licences.checkModule("vmware", false), "reads of what exists");
        assertEquals(ErrorCode.INVALID_ARGUMENT.code(), code(() -> delete.check(request("DeleteLicense",
                new LinkedHashMap<>(Map.of("managementNodeUuid", NODE, "uuid", "7".repeat(32)))))), "the trial stays");
    }

    @Test
    void aPlatformLicenceEndsTheTrialAndTheGrantCannotBeUploaded() throws Exception {
        trial().startIfFirst().orElseThrow();
        Map<String, Object> grant = new LinkedHashMap<>(Map.of("managementNodeUuid", NODE, "license", TestLicences.base64(
                issuer.sign(TestLicences.trialGrant("8".repeat(32), 30, START.plus(3650, ChronoUnit.DAYS))))));
        assertEquals(LicenceService.INVALID_LICENCE.code(), code(() -> update.check(request("UpdateLicense", grant))));
        assertEquals(LicenceService.LICENCE_REQUIRED.code(), code(() -> update.check(request("UpdateLicense",
                upload(TestLicences.module("c".repeat(32), List.of("vmware"), START, START.plus(30, ChronoUnit.DAYS)))))),
                "a trial is not the platform licence module licences need");

        uploadPlatform("a".repeat(32), 10, START.plus(365, ChronoUnit.DAYS));
        assertEquals(LicenceInventory.BASIC, licences.platformLicence().orElseThrow().licenseType());
        assertEquals(LicenceService.LICENCE_REQUIRED.code(), code(() -> licences.checkModule("vmware", true)),
                "modules now need their own licences");
        assertEquals(List.of("a".repeat(32)), licences.all().stream().map(LicenceInventory::uuid).toList());
        assertTrue(trial().startIfFirst().isEmpty(), "the trial's row stays: it never starts again");
    }

    @Test
    void theFileItselfIsAcceptedAsWellAsItsBase64() throws Exception {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("managementNodeUuid", NODE, "license",
                issuer.sign(TestLicences.platform("a".repeat(32), "host", 10, START, START.plus(30, ChronoUnit.DAYS)))));
        run(update, p, null);
        assertEquals("a".repeat(32), licences.platformLicence().orElseThrow().uuid());
    }

    @Test
    void remindersAreAnnouncedOnceEach30And7And1DaysBeforeExpiryAndAtExpiry() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(40, ChronoUnit.DAYS));
        LicenceReminder reminder = new LicenceReminder(licences, store, events::add);
        LicenceReminder otherNode = new LicenceReminder(licences, store, events::add);
        assertEquals(0, reminder.run(), "40 days left");
        List<String> states = new java.util.ArrayList<>();
        for (int daysLeft : new int[] {29, 28, 6, 1, 0}) {
            now.set(START.plus(40 - daysLeft, ChronoUnit.DAYS));
            licences.invalidate();
            reminder.run();
            assertEquals(0, otherNode.run(), "announced once in the installation");
        }
        events.forEach(e -> states.add(e.oldState() + "->" + e.newState()));
        assertEquals(List.of("Valid->ExpiresIn30Days", "ExpiresIn30Days->ExpiresIn7Days", "ExpiresIn7Days->ExpiresIn1Day",
                "ExpiresIn1Day->Expired"), states);
        assertEquals("a".repeat(32), events.get(0).resourceUuid());
        assertEquals(LicenceInventory.RESOURCE_TYPE, events.get(0).resourceType());
        assertEquals(0, store.find("a".repeat(32)).getReminderDays());
    }

    @Test
    void aLicenceUploadedCloseToItsExpiryGetsOnlyTheRemindersStillAhead() throws Exception {
        uploadPlatform("a".repeat(32), 10, START.plus(5, ChronoUnit.DAYS));
        LicenceReminder reminder = new LicenceReminder(licences, store, events::add);
        assertEquals(1, reminder.run());
        assertEquals("ExpiresIn7Days", events.get(0).newState());
        assertEquals(0, reminder.run());
    }
}
