package io.kumo.core.audit;

import io.kumo.api.error.ApiException;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.OperationRequest;
import io.kumo.api.operation.OperationResult;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.api.operation.RestBinding;
import io.kumo.api.operation.Submission;
import io.kumo.api.operation.SyncOperation;
import io.kumo.core.operation.OperationRegistryImpl;
import io.kumo.core.operation.OperationServiceImpl;
import io.kumo.core.testing.FixedGlobalConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link OperationServiceImpl#submit} records through the {@link AuditRecorder}, for each outcome. */
class AuditRecorderTest {
    private final io.kumo.core.testing.Database db = io.kumo.core.testing.Database.h2();

    @org.junit.jupiter.api.AfterEach
    void close() { db.close(); }
    private static final Caller ADMIN = new Caller(Caller.ADMIN_ACCOUNT_UUID, "admin", null, "s", true, "rest", "127.0.0.1");
    private final List<AuditEntity> records = new ArrayList<>();

    private OperationServiceImpl service(Map<String, String> config) {
        OperationRegistryImpl registry = new OperationRegistryImpl();
        registry.bind(op(OperationDescriptor.builder("CreateThing").kind(OperationKind.CREATE).async(false).resourceType("thing")
                .param(ParameterDescriptor.string("name").mandatory()).rest(RestBinding.post("/things")).build(),
                Map.of("inventory", Map.of("uuid", "0123456789abcdef0123456789abcdef", "name", "t-1"))));
        registry.bind(op(OperationDescriptor.builder("LogInByAccount").kind(OperationKind.ACTION).async(false)
                .resourceType("session").permission(OperationDescriptor.PUBLIC)
                .param(ParameterDescriptor.string("accountName").mandatory())
                .param(ParameterDescriptor.string("password").mandatory().asSecret()).build(),
                Map.of("inventory", Map.of("uuid", "5e551011000000000000000000000000", "accountUuid", Caller.ADMIN_ACCOUNT_UUID))));
        registry.bind(op(OperationDescriptor.builder("QueryThing").kind(OperationKind.QUERY).resourceType("thing").build(),
                Map.of("inventories", List.of())));
        AuditWriter writer = new AuditWriter(null) {
            @Override public boolean submit(AuditEntity record) { records.add(record); return true; }
        };
        AuditRecorder recorder = new AuditRecorder(registry, new FixedGlobalConfig(config), writer);
        io.kumo.core.identity.ownership.OwnershipStore ownership = io.kumo.core.testing.Stores.ownership(db, null);
        return new OperationServiceImpl(registry, null, null, null, null,
                io.kumo.core.testing.Stores.authorization(db, ownership),
                new io.kumo.core.identity.ownership.OwnershipManager(ownership), recorder);
    }

    private static SyncOperation op(OperationDescriptor d, Map<String, Object> result) {
        return new SyncOperation() {
            @Override public OperationDescriptor descriptor() { return d; }
            @Override public OperationResult execute(OperationRequest request) { return OperationResult.of(result); }
        };
    }

    private AuditEntity only() {
        assertEquals(1, records.size(), "one record per call");
        return records.get(0);
    }

    @Test
    void aSuccessfulCallRecordsOperatorResourceAndTimes() {
        long before = System.currentTimeMillis();
        service(Map.of()).submit("CreateThing", Map.of("name", "t-1"), null, null, ADMIN);
        AuditEntity a = only();
        assertEquals("CreateThing", a.getOperationName());
        assertEquals("POST /zstack/v1/things", a.getApiName());
        assertEquals("Succeeded", a.getResult());
        assertEquals(Caller.ADMIN_ACCOUNT_UUID, a.getAccountUuid());
        assertEquals("admin", a.getAccountName());
        assertEquals("rest", a.getChannel());
        assertEquals("127.0.0.1", a.getClientIp());
        assertEquals("0123456789abcdef0123456789abcdef", a.getResourceUuid(), "from the result inventory");
        assertEquals("Create thing t-1", a.getDescription());
        assertTrue(a.isMutating());
        assertTrue(a.getStartDate().getTime() >= before);
        assertNotNull(a.getFinishDate());
        assertTrue(a.getDuration() >= 0);
        assertNull(a.getErrorCode());
    }

    @Test
    void aLoginRecordsTheOperatorButNeitherPasswordNorSession() {
        service(Map.of()).submit("LogInByAccount", Map.of("accountName", "admin", "password", "c0ffee-hash"), null, null,
                Caller.anonymous("rest", "10.0.0.9"));
        AuditEntity a = only();
        assertEquals("Succeeded", a.getResult());
        assertEquals(Caller.ADMIN_ACCOUNT_UUID, a.getAccountUuid(), "the session names the operator");
        assertEquals("admin", a.getAccountName());
        assertFalse(a.getRequestDump().contains("c0ffee-hash"), a.getRequestDump());
        assertTrue(a.getRequestDump().contains("*****"));
        assertNull(a.getResourceUuid(), "a session uuid is a credential");
        assertEquals("Log in by account admin", a.getDescription());
    }

    @Test
    void invalidInputIsRecordedAsAFailureWithItsCode() {
        OperationServiceImpl s = service(Map.of());
        assertThrows(ApiException.class, () -> s.submit("CreateThing", Map.of(), null, null, ADMIN));
        AuditEntity a = only();
        assertEquals("Failed", a.getResult());
        assertEquals("SYS.1007", a.getErrorCode());
        assertNotNull(a.getErrorMessage());
        assertTrue(a.getDuration() >= 0);
    }

    @Test
    void anonymousCallsAndUnknownOperationsAreRecorded() {
        OperationServiceImpl s = service(Map.of());
        assertThrows(ApiException.class, () -> s.submit("CreateThing", Map.of("name", "x"), null, null,
                Caller.anonymous("rest", "127.0.0.1")));
        assertThrows(ApiException.class, () -> s.submit("NoSuchThing", Map.of(), null, null, ADMIN));
        assertEquals(2, records.size());
        assertEquals("ID.1001", records.get(0).getErrorCode());
        assertNull(records.get(0).getAccountUuid(), "anonymous");
        assertEquals("SYS.1004", records.get(1).getErrorCode());
        assertEquals("NoSuchThing", records.get(1).getOperationName());
    }

    @Test
    void queriesAreAuditedOnlyWhenAskedOrRefused() {
        service(Map.of("audit.reads", "false")).submit("QueryThing", Map.of(), null, null, ADMIN);
        assertEquals(0, records.size(), "reads are not audited by default");
        OperationServiceImpl s = service(Map.of("audit.reads", "false"));
        assertThrows(ApiException.class, () -> s.submit("QueryThing", Map.of(), null, null, Caller.anonymous("rest", null)));
        assertEquals("ID.1001", only().getErrorCode(), "a refused read is audited");
        records.clear();
        service(Map.of("audit.reads", "true")).submit("QueryThing", Map.of(), null, null, ADMIN);
        assertEquals("Succeeded", only().getResult());
    }

    @Test
    void anAsyncSubmissionIsRecordedRunningWithItsJob() {
        OperationDescriptor d = OperationDescriptor.builder("DeleteThing").kind(OperationKind.DELETE).resourceType("thing")
                .param(ParameterDescriptor.uuid("uuid")).build();
        AuditEntity a = AuditRecorder.build(d, "DeleteThing", Map.of("uuid", "0123456789abcdef0123456789abcdef"), null, null,
                ADMIN, 1000, new Submission(null, "fedcba9876543210fedcba9876543210"), null, 1005);
        assertEquals("Running", a.getResult());
        assertEquals("fedcba9876543210fedcba9876543210", a.getJobUuid());
        assertNull(a.getFinishDate(), "completed when the job ends");
        assertNull(a.getDuration());
        assertEquals("Delete thing 0123456789abcdef0123456789abcdef", a.getDescription());
    }
}
