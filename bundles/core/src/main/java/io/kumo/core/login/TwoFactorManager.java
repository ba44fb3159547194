package io.kumo.core.login;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;
import io.kumo.core.accesskey.SecretCipher;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TOTP two-factor authentication of accounts and users: enrol (a new secret, shown once), verify (the first correct
 * code enables it), disable, and the check at login. A code is accepted within ±1 step and only once.
 */
public class TwoFactorManager {
    private final LoginProtectionStore store;
    private final SecretCipher cipher;

    /** Wires the manager. */
    public TwoFactorManager(LoginProtectionStore store, SecretCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    /** @return true if the principal must give a code at login */
    public boolean isEnabled(String accountUuid, String userUuid) {
        TwoFactorEntity t = store.twoFactor(accountUuid, userUuid);
        return t != null && TwoFactorEntity.ENABLED.equals(t.getStatus());
    }

    /**
     * Starts (or restarts) enrolment with a new secret.
     *
     * @param label the name shown by authenticator apps
     * @return the inventory with {@code secret} and {@code uri} (otpauth://), shown this once
     * @throws ApiException CONFLICT if two-factor authentication is already enabled
     */
    public Map<String, Object> enrol(String accountUuid, String userUuid, String label) {
        if (isEnabled(accountUuid, userUuid)) {
            throw new ApiException(ErrorCode.CONFLICT, "two-factor authentication is already enabled; disable it first to enrol a new device");
        }
        String secret = Totp.newSecret();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        TwoFactorEntity t = new TwoFactorEntity();
        t.setUuid(Uuids.random());
        t.setPrincipal(TwoFactorEntity.principal(accountUuid, userUuid));
        t.setAccountUuid(accountUuid);
        t.setUserUuid(userUuid);
        t.setSecret(cipher.encrypt(secret));
        t.setStatus(TwoFactorEntity.PENDING);
        t.setLastUsedStep(0);
        t.setCreateDate(now);
        t.setLastOpDate(now);
        store.saveTwoFactor(t);
        Map<String, Object> inv = inventory(t);
        inv.put("secret", secret);
        inv.put("uri", Totp.uri(label, secret));
        return inv;
    }

    /** Enables a pending enrolment with a correct code. @return the inventory (without secret) */
    public Map<String, Object> verify(String accountUuid, String userUuid, String code) {
        TwoFactorEntity t = store.twoFactor(accountUuid, userUuid);
        if (t == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no two-factor enrolment; enrol first with POST /zstack/v1/accounts/two-factor-authentication");
        }
        if (!consume(t, code)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "verifyCode is wrong or was already used; check the clock of the device and send the current code");
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        store.setTwoFactorStatus(t.getUuid(), TwoFactorEntity.ENABLED, now);
        t.setStatus(TwoFactorEntity.ENABLED);
        return inventory(t);
    }

    /**
     * Disables two-factor authentication.
     *
     * @param code the current code, or null when an administrator disables it for someone else
     * @param admin true if the caller is an administrator acting for another principal
     */
    public void disable(String accountUuid, String userUuid, String code, boolean admin) {
        TwoFactorEntity t = store.twoFactor(accountUuid, userUuid);
        if (t == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "two-factor authentication is not enrolled");
        }
        if (!admin && TwoFactorEntity.ENABLED.equals(t.getStatus()) && !consume(t, code)) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "verifyCode is wrong or already used: disabling two-factor authentication needs a current, unused code (verifyCode)");
        }
        store.deleteTwoFactor(accountUuid, userUuid);
    }

    /** @return true if the code is right and was not used before (then it is used) */
    public boolean consume(String accountUuid, String userUuid, String code) {
        TwoFactorEntity t = store.twoFactor(accountUuid, userUuid);
        return t != null && consume(t, code);
    }

    /** @return the state of a principal, never the secret */
    public Map<String, Object> state(String accountUuid, String userUuid) {
        TwoFactorEntity t = store.twoFactor(accountUuid, userUuid);
        if (t == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accountUuid", accountUuid);
            m.put("userUuid", userUuid);
            m.put("status", "Disabled");
            return m;
        }
        return inventory(t);
    }

    private boolean consume(TwoFactorEntity t, String code) {
        long step = Totp.matchingStep(cipher.decrypt(t.getSecret()), code, System.currentTimeMillis() / 1000);
        return step >= 0 && store.consumeStep(t.getUuid(), step);
    }

    private static Map<String, Object> inventory(TwoFactorEntity t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", t.getUuid());
        m.put("accountUuid", t.getAccountUuid());
        m.put("userUuid", t.getUserUuid());
        m.put("status", t.getStatus());
        m.put("createDate", t.getCreateDate());
        m.put("lastOpDate", t.getLastOpDate());
        return m;
    }
}
