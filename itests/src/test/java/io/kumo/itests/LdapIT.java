package io.kumo.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LDAP login against a real OpenLDAP ({@code itests/lab/slapd.sh}: dc=kumo,dc=test with uid=alice and uid=bob):
 * server and binding management, LogInByLdap, the errors of wrong passwords, unbound users and unreachable servers,
 * and the clean-up of bindings whose user was deleted from the directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapIT {
    private static final String SUFFIX = "dc=kumo,dc=test";
    private Path script;
    private String url;
    private KumoNode node;
    private Rest rest;

    @BeforeAll
    void boot() throws Exception {
        script = Path.of(System.getProperty("kumo.ldap.lab.script", "lab/slapd.sh")).toAbsolutePath();
        List<String> lines = List.of(run("bash", script.toString(), "start").trim().split("\n"));
        url = lines.get(lines.size() - 1).trim();
        assertTrue(url.startsWith("ldap://127.0.0.1:"), url);
        node = KumoNode.install("ldap").start();
        rest = node.rest().login();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (node != null) {
            node.close();
        }
        if (script != null) {
            run("bash", script.toString(), "stop");
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(List.of(command) + " failed: " + out);
        }
        return out;
    }

    private Map<String, Object> server(String name, String serverUrl, String password) {
        return Map.of("name", name, "description", "lab slapd", "url", serverUrl, "base", SUFFIX,
                "username", "cn=admin," + SUFFIX, "password", password, "encryption", "None", "scope", "account");
    }

    private Rest.Reply ldapLogin(String uid, String password) throws Exception {
        return new Rest(rest.base()).put("/ldap/login", "logInByLdap", Map.of("uid", uid, "password", password));
    }

    @Test
    void ldapUsersLogInAsTheAccountTheyAreBoundTo() throws Exception {
        // bad settings are refused before anything is stored
        Rest.Reply badUrl = rest.post("/ldap/servers", server("bad", "http://127.0.0.1:389", "admin-secret"), List.of(), List.of());
        assertEquals(400, badUrl.status(), badUrl.raw());
        assertTrue(badUrl.raw().contains("ldap://"), badUrl.raw());
        Map<String, Object> badBase = new java.util.HashMap<>(server("bad", url, "admin-secret"));
        badBase.put("base", "not a dn");
        assertEquals(400, rest.post("/ldap/servers", badBase, List.of(), List.of()).status());
        Rest.Reply wrongBindPassword = rest.awaitJob(rest.post("/ldap/servers", server("bad", url, "nope"), List.of(), List.of()));
        assertEquals(400, wrongBindPassword.status(), wrongBindPassword.raw());
        assertEquals("LDAP.1006", wrongBindPassword.errorCode());

        Rest.Reply added = rest.awaitJob(rest.post("/ldap/servers", server("lab", url, "admin-secret"), List.of(), List.of()));
        assertEquals(200, added.status(), added.raw());
        JsonNode inv = added.body().path("inventory");
        String serverUuid = inv.path("uuid").asText();
        assertEquals(url, inv.path("url").asText());
        assertEquals("uid", inv.path("usernameProperty").asText());
        assertFalse(added.raw().contains("admin-secret"), "the bind password is never returned: " + added.raw());
        assertFalse(inv.has("password"));

        Rest.Reply queried = rest.get("/ldap/servers/" + serverUuid);
        assertEquals(200, queried.status(), queried.raw());
        assertEquals("lab", queried.body().path("inventories").get(0).path("name").asText());
        assertFalse(queried.raw().contains("admin-secret"), queried.raw());
        assertFalse(queried.body().path("inventories").get(0).has("password"));
        Rest.Reply probe = rest.get("/ldap/servers", "q", "password=admin-secret");
        assertEquals(400, probe.status(), "the password cannot be guessed through queries: " + probe.raw());

        // a normal account for LDAP users
        Rest.Reply account = rest.post("/accounts", Map.of("name", "ldap-tenant", "password", Rest.sha512("tenant-pw")), List.of(), List.of());
        assertEquals(200, account.status(), account.raw());
        String tenant = account.body().path("inventory").path("uuid").asText();

        // bind alice to it; unknown users and the admin account cannot be bound
        Rest.Reply admin = rest.awaitJob(rest.post("/ldap/bindings", Map.of("ldapUid", "alice", "accountUuid", "36c27e8ff05c4780bf6d2fa65700f22e"), List.of(), List.of()));
        assertEquals(400, admin.status(), admin.raw());
        assertEquals("LDAP.1005", admin.errorCode());
        Rest.Reply ghost = rest.awaitJob(rest.post("/ldap/bindings", Map.of("ldapUid", "carol", "accountUuid", tenant), List.of(), List.of()));
        assertEquals(400, ghost.status(), ghost.raw());
        assertEquals("LDAP.1002", ghost.errorCode());
        Rest.Reply injected = rest.awaitJob(rest.post("/ldap/bindings", Map.of("ldapUid", "*", "accountUuid", tenant), List.of(), List.of()));
        assertEquals(400, injected.status(), "a wildcard is a name, not a filter: " + injected.raw());
        Rest.Reply bound = rest.awaitJob(rest.post("/ldap/bindings", Map.of("ldapUid", "alice", "accountUuid", tenant), List.of(), List.of()));
        assertEquals(200, bound.status(), bound.raw());
        String bindingUuid = bound.body().path("inventory").path("uuid").asText();
        assertEquals(serverUuid, bound.body().path("inventory").path("ldapServerUuid").asText());
        Rest.Reply twice = rest.awaitJob(rest.post("/ldap/bindings", Map.of("ldapUid", "alice", "accountUuid", tenant), List.of(), List.of()));
        assertEquals(409, twice.status(), twice.raw());
        assertEquals(1, rest.get("/ldap/bindings", "q", "ldapUid=alice").body().path("inventories").size());

        // alice logs in, and the session works
        Rest.Reply login = ldapLogin("alice", "alice-secret");
        assertEquals(200, login.status(), login.raw());
        String session = login.body().path("inventory").path("uuid").asText();
        assertEquals(tenant, login.body().path("inventory").path("accountUuid").asText());
        Rest alice = new Rest(rest.base());
        alice.useSession(session);
        Rest.Reply mine = alice.get("/accounts");
        assertEquals(200, mine.status(), mine.raw());
        assertEquals("ldap-tenant", mine.body().path("inventories").get(0).path("name").asText());
        // LDAP management is for administrators only
        assertEquals(403, alice.get("/ldap/servers").status());
        assertEquals(403, alice.awaitJob(alice.post("/ldap/bindings", Map.of("ldapUid", "bob", "accountUuid", tenant), List.of(), List.of())).status());

        // wrong password, injection, unbound user: 401 with a clear message
        Rest.Reply wrong = ldapLogin("alice", "nope");
        assertEquals(401, wrong.status(), wrong.raw());
        assertEquals("ID.1003", wrong.errorCode());
        Rest.Reply star = ldapLogin("*", "alice-secret");
        assertEquals(401, star.status(), star.raw());
        Rest.Reply bob = ldapLogin("bob", "bob-secret");
        assertEquals(401, bob.status(), bob.raw());
        assertTrue(bob.raw().contains("not bound"), bob.raw());
        Rest.Reply bobWrong = ldapLogin("bob", "nope");
        assertEquals(401, bobWrong.status());
        assertFalse(bobWrong.raw().contains("not bound"), "a wrong password tells nothing about bindings: " + bobWrong.raw());

        // LDAP logins are guarded like the others: after 6 consecutive failures even the right password needs a captcha
        for (int i = 0; i < 5; i++) {
            assertEquals(401, ldapLogin("alice", "nope-" + i).status());
        }
        Rest.Reply guarded = ldapLogin("alice", "alice-secret");
        assertEquals("ID.1005", guarded.errorCode(), guarded.raw());
        assertTrue(guarded.raw().contains("captcha"), guarded.raw());
        Rest.Reply captcha = rest.get("/login/control/captcha", "resourceName", "alice", "loginType", "ldap");
        assertEquals(200, captcha.status(), captcha.raw());
        assertFalse(captcha.body().path("captchaUuid").asText().isEmpty(), captcha.raw());

        // a server that is down: 503 naming it
        Rest.Reply down = rest.awaitJob(rest.post("/ldap/servers", server("down", "ldap://127.0.0.1:1", "x"), List.of(), List.of()));
        assertEquals(503, down.status(), down.raw());
        assertEquals("LDAP.1000", down.errorCode());
        assertTrue(down.raw().contains("down") && down.raw().contains("127.0.0.1:1"), down.raw());

        // alice leaves the directory: her binding is cleaned up, bob's absence of one is untouched
        run("ldapdelete", "-x", "-H", url, "-D", "cn=admin," + SUFFIX, "-w", "admin-secret", "uid=alice,ou=people," + SUFFIX);
        Rest.Reply cleaned = rest.awaitJob(rest.put("/ldap/bindings/actions", "cleanInvalidLdapBinding", Map.of()));
        assertEquals(200, cleaned.status(), cleaned.raw());
        assertEquals(bindingUuid, cleaned.body().path("inventories").get(0).path("uuid").asText());
        assertEquals(0, rest.get("/ldap/bindings/" + bindingUuid).body().path("inventories").size());
        assertNotEquals(200, ldapLogin("alice", "alice-secret").status());

        // update and delete the server
        Rest.Reply renamed = rest.awaitJob(rest.put("/ldap/servers/" + serverUuid, "updateLdapServer",
                Map.of("name", "lab2", "usernameProperty", "cn")));
        assertEquals(200, renamed.status(), renamed.raw());
        assertEquals("lab2", renamed.body().path("inventory").path("name").asText());
        assertEquals("cn", renamed.body().path("inventory").path("usernameProperty").asText());
        assertEquals(400, rest.awaitJob(rest.put("/ldap/servers/" + serverUuid, "updateLdapServer",
                Map.of("url", "ldaps://"))).status());
        assertEquals(200, rest.awaitJob(rest.delete("/ldap/servers/" + serverUuid)).status());
        assertEquals(0, rest.get("/ldap/servers").body().path("inventories").size());
        assertEquals(404, rest.awaitJob(rest.delete("/ldap/servers/" + serverUuid)).status());
    }
}
