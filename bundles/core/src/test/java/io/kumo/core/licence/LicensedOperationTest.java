package io.kumo.core.licence;

import io.kumo.api.error.ApiException;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.SyncOperation;
import io.kumo.core.operation.OperationRegistryImpl;
import io.kumo.core.operation.OperationServiceImpl;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operation service and the licences together: an operation of a licensed module is refused, before its
 * parameters are even read, unless that very module is licensed; a licence for another module does not help.
 */
class LicensedOperationTest {
    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private final TestLicences issuer = new TestLicences();
    private final List<String> executed = new ArrayList<>();
    private Database db;
    private LicenceStore store;
    private OperationServiceImpl operations;
    private LicenceManager licences;

    /** A mutating operation of a licensed module that records its calls. */
    private SyncOperation licensed(String name, String module) {
        OperationDescriptor d = OperationDescriptor.builder(name).kind(OperationKind.CREATE).resourceType("thing")
                .param(ParameterDescriptor.string("name").mandatory()).licensedModule(module).build();
        return new SyncOperation() {
            @Override public OperationDescriptor descriptor() { return d; }
            @Override public OperationResult execute(OperationRequest request) {
                executed.add(name);
                return OperationResult.of(Map.of());
            }
        };
    }

    @BeforeEach
    void open() {
        db = Database.h2();
        store = Stores.licences(db);
        licences = new LicenceManager(store, issuer.trust(), Clock.fixed(NOW, ZoneOffset.UTC), null);
        OperationRegistryImpl registry = new OperationRegistryImpl();
        registry.bind(licensed("CreateVCenter", "vmware"));
        registry.bind(licensed("CreateBaremetalChassis", "baremetal"));
        io.kumo.core.identity.ownership.OwnershipStore ownership = io.kumo.core.testing.Stores.ownership(db, null);
        operations = new OperationServiceImpl(registry, null, null, null, licences,
                io.kumo.core.testing.Stores.authorization(db, ownership),
                new io.kumo.core.identity.ownership.OwnershipManager(ownership), null);
    }

    @AfterEach
    void close() { db.close(); }

    private void store(Map<String, Object> payload) {
        LicenceFile f = LicenceFile.read(issuer.sign(payload), issuer.trust());
        LicenceEntity row = new LicenceEntity();
        row.setUuid(f.uuid());
        row.setLicenseType(f.licenseType());
        row.setProduct(f.isPlatform() ? f.edition() : String.join(",", f.modules()));
        row.setExpiredDate(Timestamp.from(f.expiredDate()));
        row.setUploadDate(Timestamp.from(NOW));
        row.setContent(f.text());
        store.put(row);
        licences.invalidate();  // as an upload does
    }

    private String refusal(String operation, Map<String, Object> params) {
        ApiException e = assertThrows(ApiException.class,
                () -> operations.submit(operation, params, List.of(), List.of(), Caller.system("test")));
        assertEquals(403, e.error().httpStatus());
        return e.error().code() + ": " + e.error().details();
    }

    @Test
    void onlyTheLicensedModulesOperationsRunAndTheOthersSayWhatToUpload() {
        assertTrue(refusal("CreateVCenter", Map.of()).startsWith("LICENSE.1001"), "refused before its parameters are checked");
        store(TestLicences.platform("a".repeat(32), "host", 10, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(365, ChronoUnit.DAYS)));
        store(TestLicences.module("b".repeat(32), List.of("baremetal"), NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS)));

        String wrongModule = refusal("CreateVCenter", Map.of("name", "vc"));
        assertTrue(wrongModule.startsWith("LICENSE.1001") && wrongModule.contains("module vmware is installed but has no licence"),
                wrongModule);
        operations.submit("CreateBaremetalChassis", Map.of("name", "c1"), List.of(), List.of(), Caller.system("test"));
        assertEquals(List.of("CreateBaremetalChassis"), executed);
    }
}
