package io.kumo.core.session;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.api.identity.AuthenticationService;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.operation.Caller;
import io.kumo.core.config.CoreGlobalConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs accounts in and authenticates sessions. Sessions are cached in memory (authenticating a call costs no database
 * access) and evicted on every node when they are logged out. A new installation has the built-in admin account
 * (password {@value #DEFAULT_ADMIN_PASSWORD}); accounts and users are managed in {@code io.kumo.core.identity}.
 */
public class SessionManager implements AuthenticationService, ResourceEventListener {
    /** The resource type of session events. */
    public static final String RESOURCE_TYPE = "session";
    /** The admin password on a new installation (ZStack's default). */
    public static final String DEFAULT_ADMIN_PASSWORD = "password";
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    private final SessionStore store;
    private final GlobalConfigService config;
    private final EventPublisher events;
    private final Map<String, CachedSession> cache = new ConcurrentHashMap<>();
    private volatile io.kumo.core.accesskey.AccessKeyManager accessKeys;

    private record CachedSession(String accountUuid, String accountName, String userUuid, boolean admin, long expiresAt) { }

    /** Wires the manager. */
    public SessionManager(SessionStore store, GlobalConfigService config, EventPublisher events) {
        this.store = store;
        this.config = config;
        this.events = events;
    }

    /** Creates the built-in admin account on a new database. */
    public void start() {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        AccountEntity admin = new AccountEntity();
        admin.setUuid(Caller.ADMIN_ACCOUNT_UUID);
        admin.setName("admin");
        admin.setType("SystemAdmin");
        admin.setPasswordHash(PasswordHasher.hash(PasswordHasher.sha512Hex(DEFAULT_ADMIN_PASSWORD)));
        admin.setDescription("built-in administrator");
        admin.setCreateDate(now);
        admin.setLastOpDate(now);
        if (store.createAccountIfAbsent(admin)) {
            LOG.info("created the built-in admin account (change its password after the first login)");
        }
    }

    /** Deletes expired sessions from the database and from the cache. @return how many rows were deleted */
    public int purgeExpired() {
        long now = System.currentTimeMillis();
        cache.values().removeIf(s -> s.expiresAt() < now);
        return store.deleteExpired(new Timestamp(now));
    }

    /**
     * @param accountName the account
     * @param password    the SHA-512 hex of the password
     * @return the new session
     * @throws ApiException 401 on wrong credentials (without saying which part is wrong)
     */
    public SessionInventory logIn(String accountName, String password) {
        return openSession(checkAccountPassword(accountName, password).getUuid(), null);
    }

    /**
     * @param accountName the account
     * @param password    the SHA-512 hex of the password
     * @return the account if the password is right
     * @throws ApiException 401 on wrong credentials (without saying which part is wrong)
     */
    public AccountEntity checkAccountPassword(String accountName, String password) {
        AccountEntity account = store.accountByName(accountName);
        if (account == null || !PasswordHasher.matches(password, account.getPasswordHash())) {
            throw new ApiException(ErrorCode.WRONG_CREDENTIALS, "wrong account name or password; the password is sent as its SHA-512 hex digest");
        }
        return account;
    }

    /**
     * Opens a session for an account, or a user of it, whose credentials were checked by the caller.
     *
     * @param accountUuid the account
     * @param userUuid    the user inside it, or null for the account itself
     * @return the new session
     */
    public SessionInventory openSession(String accountUuid, String userUuid) {
        AccountEntity account = store.account(accountUuid);
        if (account == null) {
            throw new ApiException(ErrorCode.WRONG_CREDENTIALS, "account " + accountUuid + " no longer exists");
        }
        long now = System.currentTimeMillis();
        long timeout = config.longValue(CoreGlobalConfigs.IDENTITY, CoreGlobalConfigs.SESSION_TIMEOUT);
        SessionEntity s = new SessionEntity();
        s.setUuid(Uuids.random());
        s.setAccountUuid(account.getUuid());
        s.setUserUuid(userUuid);
        s.setCreateDate(new Timestamp(now));
        s.setExpiredDate(new Timestamp(now + timeout * 1000));
        store.createSession(s);
        cache.put(s.getUuid(), new CachedSession(account.getUuid(), account.getName(), userUuid, isAdmin(account), s.getExpiredDate().getTime()));
        return s.toInventory();
    }

    /** @param sessionUuid a session @return true if it existed */
    public boolean logOut(String sessionUuid) {
        cache.remove(sessionUuid);
        boolean existed = store.deleteSession(sessionUuid);
        if (existed) {
            events.publish(new ResourceEvent(EventType.DELETED, RESOURCE_TYPE, sessionUuid, Map.of("uuid", sessionUuid), null, null, null, null));
        }
        return existed;
    }

    /** Ends sessions on every node, e.g. of an account or user being deleted. @param sessionUuids the sessions */
    public void endSessions(java.util.Collection<String> sessionUuids) {
        for (String uuid : sessionUuids) {
            cache.remove(uuid);
            store.deleteSession(uuid);
            events.publish(new ResourceEvent(EventType.DELETED, RESOURCE_TYPE, uuid, Map.of("uuid", uuid), null, null, null, null));
        }
    }

    /** @param sessionUuid a session @return true if it is valid now */
    public boolean isValid(String sessionUuid) {
        try {
            authenticate(sessionUuid, "internal", null);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    @Override
    public Caller authenticate(String sessionUuid, String channel, String clientIp) {
        if (!Uuids.isValid(sessionUuid)) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "the session id is malformed; log in with PUT /zstack/v1/accounts/login");
        }
        CachedSession s = cache.get(sessionUuid);
        if (s == null) {
            SessionEntity e = store.session(sessionUuid);
            AccountEntity account = e == null ? null : store.account(e.getAccountUuid());
            if (account == null) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "no such session; it was logged out or has expired: log in again");
            }
            s = new CachedSession(account.getUuid(), account.getName(), e.getUserUuid(), isAdmin(account), e.getExpiredDate().getTime());
            cache.put(sessionUuid, s);
        }
        if (System.currentTimeMillis() > s.expiresAt()) {
            cache.remove(sessionUuid);
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "the session has expired; log in again");
        }
        return new Caller(s.accountUuid(), s.accountName(), s.userUuid(), sessionUuid, s.admin(), channel, clientIp);
    }

    /** @param keys verifies access-key signatures (set by the blueprint) */
    public void setAccessKeyManager(io.kumo.core.accesskey.AccessKeyManager keys) { this.accessKeys = keys; }

    @Override
    public Caller authenticateAccessKey(String accessKeyId, String signature, String method, String date, String path,
                                        String channel, String clientIp) {
        if (accessKeys == null) {
            return AuthenticationService.super.authenticateAccessKey(accessKeyId, signature, method, date, path, channel, clientIp);
        }
        return accessKeys.authenticate(accessKeyId, signature, method, date, path, channel, clientIp);
    }

    @Override
    public void onEvent(ResourceEvent event) {
        if (RESOURCE_TYPE.equals(event.resourceType()) && event.type() == EventType.DELETED) {
            cache.remove(event.resourceUuid());
        }
    }

    private static boolean isAdmin(AccountEntity a) { return "SystemAdmin".equals(a.getType()); }
}
