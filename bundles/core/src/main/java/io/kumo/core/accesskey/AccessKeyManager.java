package io.kumo.core.accesskey;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.event.EventPublisher;
import io.kumo.api.event.EventType;
import io.kumo.api.event.ResourceEvent;
import io.kumo.api.event.ResourceEventListener;
import io.kumo.api.inventory.Uuids;
import io.kumo.api.operation.Caller;
import io.kumo.core.login.LoginErrors;
import io.kumo.core.session.AccountEntity;
import io.kumo.core.session.SessionStore;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access keys: creation (the secret is returned once), state, deletion, and the verification of ZStack-signed requests
 * ({@link AccessKeySignature}). Verified keys are cached per node (decrypted secret); a state change or deletion
 * evicts them on every node through a resource event.
 */
public class AccessKeyManager implements ResourceEventListener {
    /** A request's Date may be at most this far from the server's clock (ZStack: 15 minutes). */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    static final String ENABLED = "Enabled";
    static final String DISABLED = "Disabled";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** ZStack SDKs send RFC 1123 dates, some with a zone name (CST) or id (Asia/Shanghai) instead of GMT. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE, d MMM yyyy HH:mm:ss ").appendZoneText(java.time.format.TextStyle.SHORT).toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_ID = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE, d MMM yyyy HH:mm:ss VV").toFormatter(Locale.ENGLISH);

    private final AccessKeyStore store;
    private final SessionStore accounts;
    private final SecretCipher cipher;
    private final EventPublisher events;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String uuid, String secret, String accountUuid, String accountName, String userUuid, boolean admin, boolean enabled) { }

    /** Wires the manager. */
    public AccessKeyManager(AccessKeyStore store, SessionStore accounts, SecretCipher cipher, EventPublisher events) {
        this.store = store;
        this.accounts = accounts;
        this.cipher = cipher;
        this.events = events;
    }

    /**
     * @param accountUuid the owner account
     * @param userUuid    the owner user, or null
     * @param id          a chosen AccessKeyID, or null for a random one
     * @param secret      a chosen secret, or null for a random one
     * @return the inventory with AccessKeySecret (the only time it is returned)
     */
    public AccessKeyInventory create(String accountUuid, String userUuid, String description, String id, String secret) {
        if (accounts.account(accountUuid) == null) {
            throw ApiException.notFound("account", accountUuid);
        }
        if (userUuid != null && !store.userOfAccount(accountUuid, userUuid)) {
            throw ApiException.notFound("user", userUuid);
        }
        String keyId = id == null ? random(20) : id;
        String keySecret = secret == null ? random(40) : secret;
        if (store.byAccessKeyId(keyId) != null) {
            throw new ApiException(ErrorCode.CONFLICT, "the AccessKeyID " + keyId + " is taken; choose another or omit it");
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        AccessKeyEntity k = new AccessKeyEntity();
        k.setUuid(Uuids.random());
        k.setAccountUuid(accountUuid);
        k.setUserUuid(userUuid);
        k.setAccessKeyID(keyId);
        k.setEncryptedSecret(cipher.encrypt(keySecret));
        k.setState(ENABLED);
        k.setType("Normal");
        k.setDescription(description);
        k.setCreateDate(now);
        k.setLastOpDate(now);
        store.create(k);
        AccessKeyInventory inv = k.toInventory();
        return new AccessKeyInventory(inv.uuid(), inv.description(), inv.accountUuid(), inv.userUuid(), inv.AccessKeyID(), keySecret,
                inv.state(), inv.type(), inv.createDate(), inv.lastOpDate());
    }

    /**
     * @param uuid   a key
     * @param caller who asks: the key's account (or, for a user's key, that user), or an administrator
     * @return the key
     */
    public AccessKeyEntity require(String uuid, Caller caller) {
        AccessKeyEntity k = store.find(uuid);
        boolean mine = k != null && k.getAccountUuid().equals(caller.accountUuid())
                && (caller.userUuid() == null || caller.userUuid().equals(k.getUserUuid()));
        if (k == null || (!caller.admin() && !mine)) {
            throw ApiException.notFound(AccessKeyInventory.RESOURCE_TYPE, uuid);
        }
        return k;
    }

    /** @param enable true to enable @return the key after the change */
    public AccessKeyInventory changeState(String uuid, boolean enable) {
        store.setState(uuid, enable ? ENABLED : DISABLED, new Timestamp(System.currentTimeMillis()));
        evict(uuid, EventType.UPDATED);
        return store.find(uuid).toInventory();
    }

    /** Deletes a key. */
    public void delete(String uuid) {
        if (store.delete(uuid)) {
            evict(uuid, EventType.DELETED);
        }
    }

    /**
     * Verifies a ZStack-signed request.
     *
     * @param accessKeyId the key id of {@code Authorization: ZStack <id>:<signature>}
     * @param signature   the signature
     * @param method      the HTTP method
     * @param date        the Date header as sent
     * @param path        the signed path ({@link AccessKeySignature#signedPath})
     * @return the caller the key acts as
     * @throws ApiException 401 for an unknown key, a wrong signature, a stale date or a disabled key
     */
    public Caller authenticate(String accessKeyId, String signature, String method, String date, String path, String channel, String clientIp) {
        if (date == null || date.isBlank()) {
            throw new ApiException(LoginErrors.ACCESS_KEY_DATE, "a signed request needs a Date header (RFC 1123, e.g. Mon, 01 Jan 2026 00:00:00 GMT)");
        }
        Instant when = parseDate(date);
        if (when == null) {
            throw new ApiException(LoginErrors.ACCESS_KEY_DATE, "the Date header is not an RFC 1123 date, e.g. Mon, 01 Jan 2026 00:00:00 GMT");
        }
        if (Duration.between(when, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
            throw new ApiException(LoginErrors.ACCESS_KEY_DATE, "the Date header is more than 15 minutes from the server time; sign with the current time (check the client clock)");
        }
        Cached k = cache.computeIfAbsent(accessKeyId, this::load);
        if (k.uuid() == null || !AccessKeySignature.verify(k.secret(), method, date, path, signature)) {
            if (k.uuid() == null) {
                cache.remove(accessKeyId);
            }
            throw new ApiException(LoginErrors.ACCESS_KEY_SIGNATURE, "the signature does not match: sign Base64(HMAC-SHA1(AccessKeySecret, METHOD + \"\\n\" + Date + \"\\n\" + path)) with the path as /v1/...");
        }
        if (!k.enabled()) {
            throw new ApiException(LoginErrors.ACCESS_KEY_DISABLED, "the access key is disabled; enable it with ChangeAccessKeyState or use another");
        }
        return new Caller(k.accountUuid(), k.accountName(), k.userUuid(), null, k.admin(), channel, clientIp);
    }

    @Override
    public void onEvent(ResourceEvent event) {
        if (AccessKeyInventory.RESOURCE_TYPE.equals(event.resourceType())) {
            cache.values().removeIf(c -> event.resourceUuid().equals(c.uuid()));
        }
    }

    static Instant parseDate(String date) {
        for (DateTimeFormatter f : new DateTimeFormatter[]{DateTimeFormatter.RFC_1123_DATE_TIME, LENIENT, ZONE_ID}) {
            try {
                return ZonedDateTime.parse(date.trim(), f).toInstant();
            } catch (RuntimeException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private Cached load(String accessKeyId) {
        AccessKeyEntity k = store.byAccessKeyId(accessKeyId);
        AccountEntity a = k == null ? null : accounts.account(k.getAccountUuid());
        if (a == null) {
            return new Cached(null, null, null, null, null, false, false);
        }
        return new Cached(k.getUuid(), cipher.decrypt(k.getEncryptedSecret()), a.getUuid(), a.getName(), k.getUserUuid(),
                "SystemAdmin".equals(a.getType()), ENABLED.equals(k.getState()));
    }

    private void evict(String uuid, EventType type) {
        cache.values().removeIf(c -> uuid.equals(c.uuid()));
        events.publish(new ResourceEvent(type, AccessKeyInventory.RESOURCE_TYPE, uuid, Map.of("uuid", uuid), null, null, null, null));
    }

    private static String random(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }
}
