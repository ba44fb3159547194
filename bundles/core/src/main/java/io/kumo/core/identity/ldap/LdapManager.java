package io.kumo.core.identity.ldap;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.operation.OperationRequest;
import io.kumo.core.session.SessionInventory;
import io.kumo.core.session.SessionManager;
import io.kumo.core.session.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LDAP login: finds the user's entry on each LDAP server by login name, checks the password by binding as that entry,
 * and opens a session for the account the user is bound to. Also finds and removes bindings whose user is gone.
 */
public class LdapManager {
    /** The serialization key of operations on bindings. */
    public static final String BINDINGS_KEY = "ldap-bindings";
    private static final Logger LOG = LoggerFactory.getLogger(LdapManager.class);

    private final LdapStore store;
    private final LdapDirectory directory;
    private final SessionManager sessions;
    private final SessionStore accounts;

    /** Wires the manager. */
    public LdapManager(LdapStore store, LdapDirectory directory, SessionManager sessions, SessionStore accounts) {
        this.store = store;
        this.directory = directory;
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** @return the directory client */
    public LdapDirectory directory() { return directory; }

    /** @param request a request @throws ApiException PERMISSION_DENIED unless an admin calls */
    public static void requireAdmin(OperationRequest request) {
        if (!request.caller().admin()) {
            throw new ApiException(ErrorCode.PERMISSION_DENIED, request.operation() + " is for administrators only");
        }
    }

    /** @param uuid a server @return it @throws ApiException 404 if it does not exist */
    public LdapServerEntity requireServer(String uuid) {
        LdapServerEntity s = store.server(uuid);
        if (s == null) {
            throw ApiException.notFound(LdapServerInventory.RESOURCE_TYPE, uuid);
        }
        return s;
    }

    /** @param uuid a binding @return it @throws ApiException 404 if it does not exist */
    public LdapBindingEntity requireBinding(String uuid) {
        LdapBindingEntity b = store.binding(uuid);
        if (b == null) {
            throw ApiException.notFound(LdapBindingInventory.RESOURCE_TYPE, uuid);
        }
        return b;
    }

    /** @param accountUuid an account @throws ApiException 404 if it does not exist */
    public void requireAccount(String accountUuid) {
        if (accounts.account(accountUuid) == null) {
            throw ApiException.notFound("account", accountUuid);
        }
    }

    /**
     * @param serverUuid the server named by the caller, or null for the only one
     * @return the server
     * @throws ApiException 404, or INVALID_ARGUMENT when none is named and there is not exactly one
     */
    public LdapServerEntity serverFor(String serverUuid) {
        if (serverUuid != null) {
            return requireServer(serverUuid);
        }
        List<LdapServerEntity> all = store.servers();
        if (all.size() != 1) {
            throw ApiException.invalidArgument(all.isEmpty()
                    ? "no LDAP server: add one with AddLdapServer (POST /zstack/v1/ldap/servers) first"
                    : "there are " + all.size() + " LDAP servers: give ldapServerUuid");
        }
        return all.get(0);
    }

    /**
     * Logs an LDAP user in.
     *
     * @param uid      the login name
     * @param password the LDAP password, in clear (as ZStack's LogInByLdap sends it)
     * @return a session for the account the user is bound to
     * @throws ApiException 401 WRONG_CREDENTIALS (wrong name or password, or no binding), 503 if a server that could hold
     *                      the user cannot be reached
     */
    public SessionInventory logIn(String uid, String password) {
        return sessions.openSession(authenticate(uid, password), null);
    }

    /**
     * Checks an LDAP user's credentials and binding without opening a session (login protection opens it).
     *
     * @param uid      the LDAP login name
     * @param password the LDAP password, in clear
     * @return the uuid of the account the user is bound to
     * @throws ApiException as {@link #logIn}
     */
    public String authenticate(String uid, String password) {
        List<LdapServerEntity> servers = store.servers();
        if (servers.isEmpty()) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "LDAP login is not set up: an administrator adds an LDAP server with AddLdapServer first");
        }
        ApiException failure = null;
        LdapServerEntity notBoundOn = null;
        boolean wrongPassword = false;
        for (LdapServerEntity server : servers) {
            try {
                Optional<LdapDirectory.LdapUser> user = directory.findUser(server, uid);
                if (user.isEmpty()) {
                    continue;
                }
                if (!directory.authenticate(server, user.get().dn(), password)) {
                    wrongPassword = true;
                    continue;
                }
                LdapBindingEntity binding = store.binding(server.getUuid(), user.get().uid());
                if (binding == null) {
                    notBoundOn = server;
                    continue;
                }
                LOG.info("LDAP user {} of {} logged in as account {}", user.get().uid(), server.getName(), binding.getAccountUuid());
                return binding.getAccountUuid();
            } catch (ApiException e) {
                LOG.warn("LDAP login of {}: {}", uid, e.getMessage());
                failure = e;
            }
        }
        if (notBoundOn != null) {
            throw new ApiException(ErrorCode.WRONG_CREDENTIALS, "the LDAP user " + uid + " of LDAP server " + notBoundOn.getName()
                    + " is not bound to an account; an administrator binds it with CreateLdapBinding (POST /zstack/v1/ldap/bindings)");
        }
        if (failure != null && !wrongPassword) {
            throw failure;
        }
        throw new ApiException(ErrorCode.WRONG_CREDENTIALS, "wrong LDAP uid or password");
    }

    /**
     * Deletes the bindings whose LDAP user no longer exists (or whose server is gone). Bindings on a server that cannot
     * be reached are kept.
     *
     * @return the deleted bindings
     */
    public List<LdapBindingInventory> cleanInvalidBindings() {
        List<LdapBindingInventory> deleted = new ArrayList<>();
        for (LdapBindingEntity b : store.bindings()) {
            LdapServerEntity server = store.server(b.getLdapServerUuid());
            try {
                if (server == null || directory.findUser(server, b.getLdapUid()).isEmpty()) {
                    if (store.deleteBinding(b.getUuid())) {
                        deleted.add(b.toInventory());
                        LOG.info("deleted the LDAP binding of {} to account {}: the LDAP user is gone", b.getLdapUid(), b.getAccountUuid());
                    }
                }
            } catch (ApiException e) {
                LOG.warn("kept the LDAP binding of {}: {}", b.getLdapUid(), e.getMessage());
            }
        }
        return deleted;
    }
}
