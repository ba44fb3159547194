package io.kumo.core.identity.ldap;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.core.session.SessionInventory;
import io.kumo.core.session.SessionManager;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login and clean-up decisions of {@link LdapManager}, over an in-memory directory and store. */
class LdapManagerTest {
    /** server uuid → (login → password); a server missing from the map is unreachable. */
    private final Map<String, Map<String, String>> directory = new HashMap<>();
    private final List<LdapServerEntity> servers = new ArrayList<>();
    private final List<LdapBindingEntity> bindings = new ArrayList<>();
    private final List<String> sessionsOpened = new ArrayList<>();

    private final LdapStore store = new LdapStore(null) {
        @Override public List<LdapServerEntity> servers() { return servers; }
        @Override public LdapServerEntity server(String uuid) { return servers.stream().filter(s -> s.getUuid().equals(uuid)).findFirst().orElse(null); }
        @Override public LdapBindingEntity binding(String server, String uid) {
            return bindings.stream().filter(b -> b.getLdapServerUuid().equals(server) && b.getLdapUid().equals(uid)).findFirst().orElse(null);
        }
        @Override public List<LdapBindingEntity> bindings() { return List.copyOf(bindings); }
        @Override public boolean deleteBinding(String uuid) { return bindings.removeIf(b -> b.getUuid().equals(uuid)); }
    };

    private final LdapDirectory fake = new LdapDirectory(null) {
        private Map<String, String> users(LdapServerEntity s) {
            Map<String, String> u = directory.get(s.getUuid());
            if (u == null) {
                throw new ApiException(LdapErrors.UNREACHABLE, "LDAP server " + s.getName() + " (" + s.getUrl() + ") cannot be used");
            }
            return u;
        }
        @Override public Optional<LdapUser> findUser(LdapServerEntity s, String login) {
            return users(s).containsKey(login) ? Optional.of(new LdapUser("uid=" + login + ",dc=t", login)) : Optional.empty();
        }
        @Override public boolean authenticate(LdapServerEntity s, String dn, String password) {
            String login = dn.substring(4, dn.indexOf(','));
            return !password.isEmpty() && password.equals(users(s).get(login));
        }
    };

    private final SessionManager sessions = new SessionManager(null, null, null) {
        @Override public SessionInventory openSession(String accountUuid, String userUuid) {
            sessionsOpened.add(accountUuid);
            return new SessionInventory("s" + sessionsOpened.size(), accountUuid, userUuid, null, null);
        }
    };

    private final LdapManager ldap = new LdapManager(store, fake, sessions, null);

    private LdapServerEntity server(String uuid, boolean reachable, Map<String, String> users) {
        LdapServerEntity s = new LdapServerEntity();
        s.setUuid(uuid);
        s.setName("srv-" + uuid);
        s.setUrl("ldap://127.0.0.1:" + (3000 + servers.size()));
        s.setPassword("search-secret");
        s.setCreateDate(new Timestamp(servers.size()));
        servers.add(s);
        if (reachable) {
            directory.put(uuid, new HashMap<>(users));
        }
        return s;
    }

    private void bind(String server, String uid, String account) {
        LdapBindingEntity b = new LdapBindingEntity();
        b.setUuid("b-" + uid + "-" + server);
        b.setLdapServerUuid(server);
        b.setLdapUid(uid);
        b.setAccountUuid(account);
        bindings.add(b);
    }

    private static String codeOf(Runnable r) {
        return assertThrows(ApiException.class, r::run).error().code();
    }

    @Test
    void boundUserWithTheRightPasswordGetsASessionOfItsAccount() {
        server("a", true, Map.of("alice", "pw-a", "bob", "pw-b"));
        bind("a", "alice", "acct-1");
        assertEquals("acct-1", ldap.logIn("alice", "pw-a").accountUuid());
        assertEquals(List.of("acct-1"), sessionsOpened);
    }

    @Test
    void wrongPasswordUnknownUserAndUnboundUserAre401() {
        server("a", true, Map.of("alice", "pw-a", "bob", "pw-b"));
        bind("a", "alice", "acct-1");
        assertEquals(ErrorCode.WRONG_CREDENTIALS.code(), codeOf(() -> ldap.logIn("alice", "nope")));
        assertEquals(ErrorCode.WRONG_CREDENTIALS.code(), codeOf(() -> ldap.logIn("alice", "")));
        assertEquals(ErrorCode.WRONG_CREDENTIALS.code(), codeOf(() -> ldap.logIn("carol", "pw-a")));
        ApiException unbound = assertThrows(ApiException.class, () -> ldap.logIn("bob", "pw-b"));
        assertEquals(ErrorCode.WRONG_CREDENTIALS.code(), unbound.error().code());
        assertTrue(unbound.error().details().contains("not bound"), unbound.getMessage());
        ApiException unboundWrong = assertThrows(ApiException.class, () -> ldap.logIn("bob", "nope"));
        assertFalse(unboundWrong.error().details().contains("not bound"), "no hint about bindings without the password");
        assertTrue(sessionsOpened.isEmpty());
    }

    @Test
    void anUnreachableServerIs503UnlessAnotherServerLogsTheUserIn() {
        server("down", false, Map.of());
        ApiException e = assertThrows(ApiException.class, () -> ldap.logIn("alice", "pw-a"));
        assertEquals(LdapErrors.UNREACHABLE.code(), e.error().code());
        assertEquals(503, e.error().httpStatus());
        assertTrue(e.error().details().contains("srv-down"), "names the server: " + e.getMessage());

        server("up", true, Map.of("alice", "pw-a"));
        bind("up", "alice", "acct-2");
        assertEquals("acct-2", ldap.logIn("alice", "pw-a").accountUuid());
        assertEquals(LdapErrors.UNREACHABLE.code(), codeOf(() -> ldap.logIn("carol", "x")), "carol may be on the server that is down");
        assertEquals(ErrorCode.WRONG_CREDENTIALS.code(), codeOf(() -> ldap.logIn("alice", "nope")), "alice was found: her password is wrong");
    }

    @Test
    void noServerMeansLdapLoginIsNotSetUp() {
        assertEquals(ErrorCode.UNAVAILABLE.code(), codeOf(() -> ldap.logIn("alice", "pw")));
    }

    @Test
    void cleanUpDeletesBindingsOfVanishedUsersAndKeepsThoseOfUnreachableServers() {
        server("a", true, Map.of("alice", "pw-a"));
        server("down", false, Map.of());
        bind("a", "alice", "acct-1");
        bind("a", "gone", "acct-1");
        bind("down", "alice", "acct-1");
        bind("deleted-server", "alice", "acct-1");
        List<LdapBindingInventory> deleted = ldap.cleanInvalidBindings();
        assertEquals(List.of("b-gone-a", "b-alice-deleted-server"), deleted.stream().map(LdapBindingInventory::uuid).toList());
        assertEquals(List.of("b-alice-a", "b-alice-down"), bindings.stream().map(LdapBindingEntity::getUuid).toList());
    }
}
