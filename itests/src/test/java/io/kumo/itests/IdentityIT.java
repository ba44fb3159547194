package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity and access control on a real node over REST, the bus and the shell: accounts, users, groups, policies,
 * ownership, sharing, change of owner, the admin password reset, and the authorization matrix over every operation
 * the node serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityIT {
    private KumoNode node;
    private Rest admin;

    @BeforeAll
    void boot() throws Exception {
        node = KumoNode.install("identity").start();
        admin = node.rest().login();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String unique(String prefix) { return prefix + "-" + UUID.randomUUID().toString().substring(0, 8); }

    private Rest as(String session) {
        Rest r = new Rest(admin.base());
        r.useSession(session);
        return r;
    }

    private String createAccount(String name, String password) throws Exception {
        Rest.Reply r = admin.post("/accounts", Map.of("name", name, "password", Rest.sha512(password)), List.of(), List.of());
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().path("inventory").path("passwordHash").isMissingNode() && !r.raw().contains(Rest.sha512(password)),
                "no password in replies: " + r);
        return r.body().path("inventory").path("uuid").asText();
    }

    private Rest logIn(String account, String password) throws Exception {
        return new Rest(admin.base()).login(account, password);
    }

    private static JsonNode ok(Rest.Reply r) {
        assertEquals(200, r.status(), r.toString());
        return r.body();
    }

    private static List<String> uuids(Rest.Reply r) {
        List<String> out = new ArrayList<>();
        ok(r).path("inventories").forEach(i -> out.add(i.path("uuid").asText()));
        return out;
    }

    @Test
    @Order(1)
    void accountsAreValidatedAndTenantsSeeOnlyThemselves() throws Exception {
        String before = admin.get("/accounts", "count", "true").body().path("total").asText();
        Rest.Reply clear = admin.post("/accounts", Map.of("name", unique("t"), "password", "secret"), List.of(), List.of());
        assertEquals(400, clear.status(), clear.toString());
        assertEquals("SYS.1007", clear.errorCode());
        assertTrue(clear.body().path("error").path("details").asText().contains("SHA-512"), clear.toString());
        String name = unique("acct");
        String uuid = createAccount(name, "pw-one");
        Rest.Reply twice = admin.post("/accounts", Map.of("name", name, "password", Rest.sha512("x")), List.of(), List.of());
        assertEquals(409, twice.status(), twice.toString());
        assertEquals(Integer.parseInt(before) + 1, admin.get("/accounts", "count", "true").body().path("total").asInt(),
                "refused creations wrote nothing");

        Rest tenant = logIn(name, "pw-one");
        assertEquals(List.of(uuid), uuids(tenant.get("/accounts")));
        Rest.Reply other = tenant.put("/accounts/36c27e8ff05c4780bf6d2fa65700f22e", "updateAccount", Map.of("description", "mine"));
        assertEquals(403, other.status(), other.toString());
        ok(tenant.put("/accounts/" + uuid, "updateAccount", Map.of("password", Rest.sha512("pw-two"))));
        assertEquals(401, new Rest(admin.base()).put("/accounts/login", "logInByAccount",
                Map.of("accountName", name, "password", Rest.sha512("pw-one"))).status());
        logIn(name, "pw-two");
        Rest.Reply createZone = tenant.post("/zones", Map.of("name", "z"), List.of(), List.of());
        assertEquals(403, createZone.status(), createZone.toString());
        assertEquals("ID.1002", createZone.errorCode());
    }

    @Test
    @Order(2)
    void usersGroupsAndPoliciesDecideWhatAUserMayDo() throws Exception {
        String account = unique("owner");
        createAccount(account, "pw");
        Rest owner = logIn(account, "pw");
        String user = ok(owner.post("/accounts/users", Map.of("name", "alice", "password", Rest.sha512("alice-pw")), List.of(), List.of()))
                .path("inventory").path("uuid").asText();
        Rest.Reply login = new Rest(admin.base()).put("/accounts/users/login", "logInByUser",
                Map.of("accountName", account, "userName", "alice", "password", Rest.sha512("alice-pw")));
        Rest alice = as(ok(login).path("inventory").path("uuid").asText());
        assertEquals(user, login.body().path("inventory").path("userUuid").asText());
        assertEquals(401, new Rest(admin.base()).put("/accounts/users/login", "logInByUser",
                Map.of("accountName", account, "userName", "alice", "password", Rest.sha512("wrong"))).status());

        // a user reads without a policy but changes nothing until one allows it
        assertEquals(List.of(user), uuids(alice.get("/accounts/users")));
        Rest.Reply refused = alice.post("/accounts/groups", Map.of("name", "g1"), List.of(), List.of());
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.body().path("error").path("details").asText().contains("no policy"), refused.toString());

        String group = ok(owner.post("/accounts/groups", Map.of("name", "ops"), List.of(), List.of())).path("inventory").path("uuid").asText();
        ok(owner.post("/accounts/groups/" + group + "/users", Map.of("userUuid", user), List.of(), List.of()));
        Map<String, Object> allowGroups = Map.of("name", "groups", "statements",
                List.of(Map.of("effect", "Allow", "actions", List.of("userGroup:*"))));
        String allow = ok(owner.post("/accounts/policies", allowGroups, List.of(), List.of())).path("inventory").path("uuid").asText();
        ok(owner.post("/accounts/groups/" + group + "/policies", Map.of("policyUuid", allow), List.of(), List.of()));
        ok(alice.post("/accounts/groups", Map.of("name", "g1"), List.of(), List.of()));

        Map<String, Object> denyAll = Map.of("name", "deny", "statements", List.of(Map.of("effect", "Deny", "actions", List.of("*"))));
        String deny = ok(owner.post("/accounts/policies", denyAll, List.of(), List.of())).path("inventory").path("uuid").asText();
        ok(owner.post("/accounts/users/" + user + "/policies", Map.of("policyUuid", deny), List.of(), List.of()));
        assertEquals(403, alice.post("/accounts/groups", Map.of("name", "g2"), List.of(), List.of()).status(), "Deny wins");
        assertEquals(403, alice.get("/accounts/users").status(), "a Deny on everything stops reads too");
        ok(owner.delete("/accounts/users/" + user + "/policies/" + deny));
        ok(alice.post("/accounts/groups", Map.of("name", "g2"), List.of(), List.of()));

        Rest.Reply badPolicy = owner.post("/accounts/policies", Map.of("name", "bad", "statements",
                List.of(Map.of("effect", "Perhaps", "actions", List.of("*")))), List.of(), List.of());
        assertEquals(400, badPolicy.status(), badPolicy.toString());

        // a user changes its own password; deleting it ends its sessions
        ok(alice.put("/accounts/users/" + user, "updateUser", Map.of("password", Rest.sha512("alice-2"))));
        ok(owner.delete("/accounts/users/" + user));
        assertEquals(401, alice.get("/accounts/users").status());
    }

    @Test
    @Order(3)
    void sharingAndOwnershipDecideWhatATenantSees() throws Exception {
        String a = unique("ta");
        String b = unique("tb");
        String aUuid = createAccount(a, "pw");
        createAccount(b, "pw");
        Rest ta = logIn(a, "pw");
        Rest tb = logIn(b, "pw");
        JsonNode offering = ok(admin.awaitJob(admin.post("/instance-offerings", Map.of("name", unique("small"), "cpuNum", 1,
                "memorySize", 1073741824L), List.of(), List.of())));
        String offeringUuid = offering.path("inventory").path("uuid").asText();
        assertFalse(uuids(ta.get("/instance-offerings")).contains(offeringUuid), "not shared yet");
        ok(admin.put("/accounts/resources/actions", "shareResource", Map.of("resourceUuids", List.of(offeringUuid),
                "accountUuids", List.of(aUuid))));
        assertTrue(uuids(ta.get("/instance-offerings")).contains(offeringUuid));
        assertFalse(uuids(tb.get("/instance-offerings")).contains(offeringUuid));
        ok(admin.put("/accounts/resources/actions", "shareResource", Map.of("resourceUuids", List.of(offeringUuid), "toPublic", true)));
        assertTrue(uuids(tb.get("/instance-offerings")).contains(offeringUuid));
        ok(admin.put("/accounts/resources/actions", "revokeResourceSharing", Map.of("resourceUuids", List.of(offeringUuid), "all", true)));
        assertFalse(uuids(ta.get("/instance-offerings")).contains(offeringUuid));
        Rest.Reply notTheirs = ta.put("/accounts/resources/actions", "shareResource", Map.of("resourceUuids", List.of(offeringUuid),
                "toPublic", true));
        assertEquals(403, notTheirs.status(), notTheirs.toString());

        // a tenant's own volume is invisible to the other tenant and untouchable by it
        String volume = ok(ta.awaitJob(ta.post("/volumes/data", Map.of("name", "va", "diskSize", 1073741824L), List.of(), List.of())))
                .path("inventory").path("uuid").asText();
        assertEquals(List.of(volume), uuids(ta.get("/volumes")));
        assertFalse(uuids(tb.get("/volumes")).contains(volume));
        assertEquals(403, tb.delete("/volumes/" + volume).status());
        assertTrue(uuids(admin.get("/volumes")).contains(volume), "the admin sees everything");

        // V-22: the admin gives a volume to the other tenant
        ok(admin.post("/account/" + ok(tb.get("/accounts")).path("inventories").get(0).path("uuid").asText() + "/resources",
                Map.of("resourceUuid", volume), List.of(), List.of()));
        assertTrue(uuids(tb.get("/volumes")).contains(volume));
        assertFalse(uuids(ta.get("/volumes")).contains(volume));
        JsonNode refs = ok(tb.get("/accounts/resources/refs", "q", "resourceUuid=" + volume)).path("inventories");
        assertEquals(1, refs.size(), refs.toString());

        // an account that owns resources is not deleted; its sessions die with it once it is
        Rest.Reply busy = admin.delete("/accounts/" + ok(tb.get("/accounts")).path("inventories").get(0).path("uuid").asText());
        assertEquals(409, busy.status(), busy.toString());
        assertTrue(busy.body().path("error").path("details").asText().contains("owns"), busy.toString());
        ok(admin.post("/account/36c27e8ff05c4780bf6d2fa65700f22e/resources", Map.of("resourceUuid", volume), List.of(), List.of()));
        assertFalse(uuids(tb.get("/volumes")).contains(volume), "given back to the admin");
        ok(admin.delete("/accounts/" + ok(tb.get("/accounts")).path("inventories").get(0).path("uuid").asText()));
        assertEquals(401, tb.get("/volumes").status());
    }

    @Test
    @Order(4)
    void everyOperationIsAuthorizedAsItsAccessLevelSays() throws Exception {
        String zone = ok(admin.awaitJob(admin.post("/zones", Map.of("name", unique("zone")), List.of(), List.of())))
                .path("inventory").path("uuid").asText();
        String tenantName = unique("matrix");
        createAccount(tenantName, "pw");
        Rest tenant = logIn(tenantName, "pw");
        String userUuid = ok(tenant.post("/accounts/users", Map.of("name", "denied", "password", Rest.sha512("pw")), List.of(), List.of()))
                .path("inventory").path("uuid").asText();
        String deny = ok(tenant.post("/accounts/policies", Map.of("name", "deny-all", "statements",
                List.of(Map.of("effect", "Deny", "actions", List.of("*")))), List.of(), List.of())).path("inventory").path("uuid").asText();
        ok(tenant.post("/accounts/users/" + userUuid + "/policies", Map.of("policyUuid", deny), List.of(), List.of()));
        String deniedSession = ok(new Rest(admin.base()).put("/accounts/users/login", "logInByUser",
                Map.of("accountName", tenantName, "userName", "denied", "password", Rest.sha512("pw")))).path("inventory").path("uuid").asText();

        String json = node.shell("kumo:operations --json");
        JsonNode ops = Rest.JSON.readTree(json.substring(json.indexOf('[')));
        assertTrue(ops.size() > 100, "the node serves its operations: " + ops.size());
        List<String> failures = new ArrayList<>();
        int tenantOps = 0;
        try (BusClient bus = new BusClient(node.ports().get("bus"))) {
            for (JsonNode op : ops) {
                String name = op.path("name").asText();
                String access = op.path("access").asText();
                Map<String, Object> params = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = op.path("params").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (p.getValue().asText().equals("UUID")) {
                        params.put(p.getKey(), zone);
                    } else if (p.getValue().asText().equals("STRING_LIST") && p.getKey().endsWith("Uuids")) {
                        params.put(p.getKey(), List.of(zone));
                    }
                }
                boolean namesAResource = !params.isEmpty();
                String anonymous = code(bus.call(Map.of("operation", name, "params", params)));
                if (!access.equals("PUBLIC") && !"ID.1001".equals(anonymous)) {
                    failures.add(name + " as anonymous: " + anonymous);
                }
                if (access.equals("PUBLIC")) {
                    continue;
                }
                String asTenant = code(bus.call(Map.of("operation", name, "params", params, "session", tenant.session())));
                boolean mustRefuse = access.equals("ADMIN") || access.equals("TENANT") && namesAResource;
                if (mustRefuse != "ID.1002".equals(asTenant) && !(access.equals("AUTHENTICATED") && !"ID.1001".equals(asTenant))) {
                    failures.add(name + " (" + access + ") as a tenant naming the admin's zone: " + asTenant);
                }
                tenantOps += access.equals("TENANT") ? 1 : 0;
                String asDenied = code(bus.call(Map.of("operation", name, "params", params, "session", deniedSession)));
                if (access.equals("AUTHENTICATED") ? "ID.1001".equals(asDenied) : !"ID.1002".equals(asDenied)) {
                    failures.add(name + " (" + access + ") as a user denied by policy: " + asDenied);
                }
            }
            // the admin last, without parameters: it passes authorization everywhere (what follows is validation)
            for (JsonNode op : ops) {
                String asAdmin = code(bus.call(Map.of("operation", op.path("name").asText(), "params", Map.of(), "session", admin.session())));
                if ("ID.1001".equals(asAdmin) || "ID.1002".equals(asAdmin)) {
                    failures.add(op.path("name").asText() + " as admin: " + asAdmin);
                }
            }
        }
        assertTrue(tenantOps > 30, "tenants are served VM, volume, image and identity operations: " + tenantOps);
        assertEquals(List.of(), failures);
    }

    private static String code(BusClient.Reply reply) {
        return reply.error() == null ? "ok" : reply.error().path("code").asText();
    }

    @Test
    @Order(5)
    void theAdminPasswordIsResetFromTheShell() throws Exception {
        String out = node.shell("kumo:reset-admin-password --password n3w-secret");
        assertFalse(out.contains("n3w-secret") && out.contains("Exception"), out);
        assertEquals(401, admin.get("/zones").status(), "admin sessions end: " + out);
        assertEquals(401, new Rest(admin.base()).put("/accounts/login", "logInByAccount",
                Map.of("accountName", "admin", "password", Rest.sha512("password"))).status());
        Rest fresh = logIn("admin", "n3w-secret");
        assertEquals(200, fresh.get("/zones").status());
        assertNotEquals(admin.session(), fresh.session());
        node.shell("kumo:reset-admin-password --password password");
        admin = logIn("admin", "password");
    }
}
