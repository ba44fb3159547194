package io.kumo.core.identity.quota;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.Caller;
import io.kumo.core.identity.IdentityStore;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.FixedGlobalConfig;
import io.kumo.core.testing.QuotaFixtures;
import io.kumo.core.testing.QuotaFixtures.FakeUsage;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaManagerTest {
    private static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private Database db;
    private IdentityStore identities;
    private QuotaStore store;
    private QuotaManager quotas;
    private final FakeUsage usage = new FakeUsage();

    @BeforeEach
    void open() {
        db = Database.h2();
        identities = Stores.identities(db, null);
        store = Stores.quotas(db, null);
        identities.persist(QuotaFixtures.account(A, "a", "Normal"));
        identities.persist(QuotaFixtures.account(B, "b", "Normal"));
        identities.persist(QuotaFixtures.account(Caller.ADMIN_ACCOUNT_UUID, "admin", "SystemAdmin"));
        quotas = new QuotaManager(store, identities, new FixedGlobalConfig(Map.of("quota.vm.num", "2", "quota.vm.memorySize", "4096")));
        quotas.bind(usage);
    }

    @AfterEach
    void close() { db.close(); }

    @Test
    void defaultsApplyUntilTheAdminSetsAValue() {
        assertEquals(2, quotas.limit(A, "vm.num"));
        usage.used.put("vm.num", 2L);
        ApiException e = assertThrows(ApiException.class, () -> quotas.check(A, Map.of("vm.num", 1L)));
        assertEquals(ErrorCode.QUOTA_EXCEEDED.code(), e.error().code());
        assertTrue(e.error().details().contains("quota vm.num") && e.error().details().contains("limit 2"), e.error().details());

        QuotaInventory set = quotas.update(A, "vm.num", 3);
        assertEquals(3, set.value());
        assertEquals("AccountVO", set.identityType());
        assertEquals(3, quotas.limit(A, "vm.num"));
        assertEquals(2, quotas.limit(B, "vm.num"), "another account keeps the default");
        assertDoesNotThrow(() -> quotas.check(A, Map.of("vm.num", 1L)));
        assertEquals(set.uuid(), quotas.update(A, "vm.num", 1).uuid(), "updating again changes the same row");
        assertEquals(1, quotas.limit(A, "vm.num"));
    }

    @Test
    void theAdminIsNeverLimited() {
        usage.used.put("vm.num", 100L);
        assertDoesNotThrow(() -> quotas.check(Caller.ADMIN_ACCOUNT_UUID, Map.of("vm.num", 1L)));
        assertEquals(Long.MAX_VALUE, quotas.limit(Caller.ADMIN_ACCOUNT_UUID, "vm.num"));
        assertThrows(ApiException.class, () -> quotas.update(Caller.ADMIN_ACCOUNT_UUID, "vm.num", 1));
    }

    @Test
    void everyAskedQuotaIsCheckedAndUnaskedOnesIgnored() {
        usage.used.put("vm.num", 5L); // over, but not asked for
        assertDoesNotThrow(() -> quotas.check(A, Map.of("vm.memorySize", 1024L, "unknown.quota", 99L)));
        ApiException e = assertThrows(ApiException.class, () -> quotas.check(A, Map.of("vm.memorySize", 8192L)));
        assertTrue(e.error().details().contains("vm.memorySize") && e.error().details().contains("4096 over the limit"),
                e.error().details());
    }

    @Test
    void usagesShowLimitAndUseOfEveryQuota() {
        usage.used.put("vm.memorySize", 1024L);
        quotas.update(A, "vm.num", 7);
        List<QuotaUsage> u = quotas.usages(A);
        assertEquals(List.of(new QuotaUsage("vm.memorySize", 4096, 1024), new QuotaUsage("vm.num", 7, 0)), u);
        assertThrows(ApiException.class, () -> quotas.usages("cccccccccccccccccccccccccccccccc"));
    }

    @Test
    void updateRefusesUnknownQuotasAndAccounts() {
        ApiException unknown = assertThrows(ApiException.class, () -> quotas.update(A, "vm.nums", 1));
        assertEquals(400, unknown.error().httpStatus());
        assertTrue(unknown.error().details().contains("vm.num"), unknown.error().details());
        assertEquals(404, assertThrows(ApiException.class, () -> quotas.update("cccccccccccccccccccccccccccccccc", "vm.num", 1))
                .error().httpStatus());
        quotas.unbind(usage);
        assertThrows(ApiException.class, () -> quotas.update(A, "vm.num", 1), "no provider, no quota");
        assertEquals(List.of(), quotas.names());
    }

    @Test
    void deletingAnAccountDeletesItsQuotas() {
        quotas.update(B, "vm.num", 9);
        identities.deleteAccount(B);
        assertEquals(null, store.find(B, "vm.num"));
    }

    @Test
    void collectGathersWhatChecksGrantForLimitedQuotasAndNests() {
        QuotaCharges charged = quotas.collect(() -> {
            quotas.check(A, Map.of("vm.num", 1L, "vm.memorySize", 1024L, "unknown.quota", 5L));
            QuotaCharges inner = quotas.collect(() -> quotas.check(A, Map.of("vm.num", 1L)));
            assertEquals(QuotaCharges.of(A, Map.of("vm.num", 1L)), inner, "an inner call's charges are its own");
            quotas.check(A, Map.of("vm.memorySize", 1024L));
            quotas.check(Caller.ADMIN_ACCOUNT_UUID, Map.of("vm.num", 1L));
            assertThrows(ApiException.class, () -> quotas.check(B, Map.of("vm.num", 3L)), "a refusal grants nothing");
        });
        assertEquals(QuotaCharges.of(A, Map.of("vm.num", 1L, "vm.memorySize", 2048L)), charged);
        assertEquals(charged, QuotaCharges.fromJson(charged.toJson()), "kept in a job row as JSON");
        assertTrue(quotas.collect(() -> { }).isEmpty());
    }

    @Test
    void confirmCountsWhatOtherRunningRequestsHold() {
        usage.used.put("vm.num", 1L); // limit 2
        QuotaCharges charged = QuotaCharges.of(A, Map.of("vm.num", 1L));
        assertDoesNotThrow(() -> quotas.confirm(charged, new QuotaCharges()));
        assertDoesNotThrow(() -> quotas.confirm(charged, QuotaCharges.of(B, Map.of("vm.num", 5L))),
                "another account's requests do not count");
        ApiException e = assertThrows(ApiException.class, () -> quotas.confirm(charged, QuotaCharges.of(A, Map.of("vm.num", 1L))));
        assertEquals(ErrorCode.QUOTA_EXCEEDED.code(), e.error().code());
        assertTrue(e.error().details().contains("used 1, 1 more held by its requests still running, this request asks for 1 more, 1 over the limit")
                && e.error().details().contains("retry when those requests have finished"), e.error().details());
        QuotaCharges admin = QuotaCharges.of(Caller.ADMIN_ACCOUNT_UUID, Map.of("vm.num", 9L));
        assertDoesNotThrow(() -> quotas.confirm(admin, admin), "the admin is never limited");
    }
}
