package io.kumo.core.identity;

import io.kumo.api.error.ApiException;
import io.kumo.api.operation.AccessLevel;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;
import io.kumo.api.operation.OperationKind;
import io.kumo.api.operation.ParameterDescriptor;
import io.kumo.core.identity.ownership.OwnershipManager;
import io.kumo.core.identity.ownership.OwnershipStore;
import io.kumo.core.identity.policy.PolicyEntity;
import io.kumo.core.identity.policy.PolicyCodec;
import io.kumo.core.identity.policy.UserPolicyCache;
import io.kumo.core.testing.Database;
import io.kumo.core.testing.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizationManagerTest {
    private static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String USER = "cccccccccccccccccccccccccccccccc";
    private static final String VM_OF_A = "11111111111111111111111111111111";
    private static final String VM_OF_B = "22222222222222222222222222222222";
    private static final String IMAGE_OF_ADMIN = "33333333333333333333333333333333";
    private static final String ZONE = "44444444444444444444444444444444";

    private static final OperationDescriptor START_VM = OperationDescriptor.builder("StartVmInstance").kind(OperationKind.ACTION)
            .resourceType("vmInstance").access(AccessLevel.TENANT).param(ParameterDescriptor.uuid("uuid").mandatory()).build();
    private static final OperationDescriptor CREATE_VM = OperationDescriptor.builder("CreateVmInstance").kind(OperationKind.CREATE)
            .resourceType("vmInstance").access(AccessLevel.TENANT).param(ParameterDescriptor.uuid("imageUuid"))
            .param(ParameterDescriptor.uuid("zoneUuid")).param(ParameterDescriptor.stringList("l3NetworkUuids")).build();
    private static final OperationDescriptor QUERY_VM = OperationDescriptor.builder("QueryVmInstance").kind(OperationKind.QUERY)
            .resourceType("vmInstance").access(AccessLevel.TENANT).build();
    private static final OperationDescriptor DELETE_ZONE = OperationDescriptor.builder("DeleteZone").kind(OperationKind.DELETE)
            .resourceType("zone").param(ParameterDescriptor.uuid("uuid")).build();
    private static final OperationDescriptor LOG_OUT_ALL = OperationDescriptor.builder("UpdateUser").kind(OperationKind.ACTION)
            .resourceType("user").access(AccessLevel.AUTHENTICATED).build();

    private Database db;
    private IdentityStore identities;
    private OwnershipStore ownership;
    private UserPolicyCache policies;
    private AuthorizationManager authz;

    @BeforeEach
    void open() {
        db = Database.h2();
        identities = Stores.identities(db, null);
        ownership = Stores.ownership(db, null);
        policies = new UserPolicyCache(identities, null);
        authz = new AuthorizationManager(policies, ownership);
        ownership.setOwner(VM_OF_A, "vmInstance", A);
        ownership.setOwner(VM_OF_B, "vmInstance", B);
        ownership.setOwner(IMAGE_OF_ADMIN, "image", Caller.ADMIN_ACCOUNT_UUID);
        ownership.setOwner(ZONE, "zone", Caller.ADMIN_ACCOUNT_UUID);
    }

    @AfterEach
    void close() { db.close(); }

    private static Caller tenant(String account) { return new Caller(account, "t", null, "s", false, "rest", null); }

    private static Caller user(String account, String user) { return new Caller(account, "t", user, "s", false, "rest", null); }

    private static int status(Runnable r) {
        return assertThrows(ApiException.class, r::run).error().httpStatus();
    }

    @Test
    void adminPassesAndTenantsAreKeptFromAdminOperations() {
        Map<String, Object> p = Map.of("uuid", ZONE);
        assertSame(p, authz.authorize(DELETE_ZONE, p, Caller.system("rest")));
        assertEquals(403, status(() -> authz.authorize(DELETE_ZONE, p, tenant(A))));
        assertEquals(Map.of(), authz.authorize(LOG_OUT_ALL, Map.of(), tenant(A)));
    }

    @Test
    void aTenantActsOnlyOnWhatItOwns() {
        authz.authorize(START_VM, Map.of("uuid", VM_OF_A), tenant(A));
        ApiException e = assertThrows(ApiException.class, () -> authz.authorize(START_VM, Map.of("uuid", VM_OF_B), tenant(A)));
        assertEquals("ID.1002", e.error().code());
        assertTrue(e.getMessage().contains("another account"), e.getMessage());
        assertEquals(403, status(() -> authz.authorize(START_VM, Map.of("uuid", ZONE), tenant(A))), "the admin's zone is not the tenant's");
        assertEquals(403, status(() -> authz.authorize(START_VM, Map.of("uuid", "99999999999999999999999999999999"), tenant(A))),
                "nor is a target without an owner record");
    }

    @Test
    void sharedResourcesCanBeUsedButNotActedOn() {
        Map<String, Object> create = Map.of("imageUuid", IMAGE_OF_ADMIN, "zoneUuid", ZONE, "l3NetworkUuids", List.of(ZONE));
        assertEquals(403, status(() -> authz.authorize(CREATE_VM, create, tenant(A))));
        ownership.share(ownership.ref(IMAGE_OF_ADMIN), List.of(A));
        authz.authorize(CREATE_VM, create, tenant(A));
        assertEquals(403, status(() -> authz.authorize(CREATE_VM, create, tenant(B))), "shared with A only");
        ownership.share(ownership.ref(IMAGE_OF_ADMIN), List.of(OwnershipStore.PUBLIC));
        authz.authorize(CREATE_VM, create, tenant(B));
        ownership.revoke(IMAGE_OF_ADMIN, null);
        assertEquals(403, status(() -> authz.authorize(CREATE_VM, create, tenant(A))));
    }

    @Test
    void aTenantsQueryIsNarrowedToWhatItMaySee() {
        Map<String, Object> narrowed = authz.authorize(QUERY_VM, Map.of("q", List.of("name=x")), tenant(A));
        assertEquals(List.of("name=x", "uuid?=" + VM_OF_A), narrowed.get("q"));
        Map<String, Object> none = authz.authorize(QUERY_VM, Map.of(), new Caller("dddddddddddddddddddddddddddddddd", "d", null, "s", false, "rest", null));
        assertEquals(List.of("uuid=none"), none.get("q"));

        ownership.share(ownership.ref(IMAGE_OF_ADMIN), List.of(A));
        ownership.share(ownership.ref(ZONE), List.of(OwnershipStore.PUBLIC));
        List<?> q = (List<?>) authz.authorize(QUERY_VM, Map.of(), tenant(A)).get("q");
        assertEquals(1, q.size(), q.toString());
        assertEquals(java.util.Set.of(VM_OF_A, IMAGE_OF_ADMIN, ZONE),
                java.util.Set.of(q.get(0).toString().substring("uuid?=".length()).split(",")), "owned, shared with A, shared with all");
    }

    @Test
    void usersNeedAnAllowToChangeThingsAndADenyStopsEverything() {
        authz.authorize(QUERY_VM, Map.of(), user(A, USER));
        assertEquals(403, status(() -> authz.authorize(START_VM, Map.of("uuid", VM_OF_A), user(A, USER))));
        policy("p1", "Allow", "vmInstance:*");
        authz.authorize(START_VM, Map.of("uuid", VM_OF_A), user(A, USER));
        assertEquals(403, status(() -> authz.authorize(START_VM, Map.of("uuid", VM_OF_B), user(A, USER))), "policies do not widen ownership");
        policy("p2", "Deny", "*");
        assertEquals(403, status(() -> authz.authorize(QUERY_VM, Map.of(), user(A, USER))));
        authz.authorize(LOG_OUT_ALL, Map.of(), user(A, USER));
    }

    private void policy(String uuidSeed, String effect, String action) {
        PolicyEntity p = new PolicyEntity();
        p.setUuid((uuidSeed + "00000000000000000000000000000000").substring(0, 32));
        p.setAccountUuid(A);
        p.setName(uuidSeed);
        p.setData(PolicyCodec.encode(PolicyCodec.parse(List.of(Map.of("effect", effect, "actions", List.of(action))))));
        p.setCreateDate(new Timestamp(0));
        p.setLastOpDate(new Timestamp(0));
        identities.persist(p);
        identities.attach(p.getUuid(), USER, IdentityStore.USER);
        policies.changed(p.getUuid()); // as PolicyManager does after the commit
    }

    record Vm(String uuid, List<Map<String, String>> allVolumes, List<Map<String, String>> vmNics) { }

    @Test
    void whatACreateMakesBelongsToTheCaller() {
        OwnershipManager manager = new OwnershipManager(ownership);
        String vm = "55555555555555555555555555555555";
        String root = "66666666666666666666666666666666";
        String nic = "77777777777777777777777777777777";
        OperationDescriptor create = OperationDescriptor.builder("CreateVmInstance").kind(OperationKind.CREATE).resourceType("vmInstance").build();
        manager.recordCreated(create, tenant(A), Map.of("inventory", new Vm(vm, List.of(Map.of("uuid", root)), List.of(Map.of("uuid", nic)))));
        assertEquals(A, manager.ownerOf(vm).orElseThrow());
        assertEquals(List.of(root), manager.ownedBy(A, "volume"));
        assertEquals(List.of(nic), manager.ownedBy(A, "vmNic"));
        manager.recordCreated(START_VM, tenant(B), Map.of("inventory", Map.of("uuid", "88888888888888888888888888888888")));
        assertTrue(manager.ownerOf("88888888888888888888888888888888").isEmpty(), "only CREATE operations record owners");
        manager.onEvent(new io.kumo.api.event.ResourceEvent(io.kumo.api.event.EventType.DELETED, "vmInstance", vm, null, null, null, null, null));
        assertTrue(manager.ownerOf(vm).isEmpty(), "a deleted resource is forgotten");
    }
}
