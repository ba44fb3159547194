package io.kumo.core.login;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.core.accesskey.SecretCipher;
import io.kumo.core.testing.FixedGlobalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login guard on an in-memory store: failure counting, one-time captchas, TOTP at login. */
class LoginProtectionTest {
    private static final String NAME = LoginProtection.accountKey("alice");
    private final MemoryStore store = new MemoryStore();
    @TempDir Path dir;

    private LoginProtection guard(TwoFactorManager tf) {
        return new LoginProtection(store, new FixedGlobalConfig(Map.of("identity.login.captchaThreshold", "6", "identity.login.captchaExpiry", "300")), tf);
    }

    private String login(LoginProtection g, boolean rightPassword, String captchaUuid, String code, List<String> tags) {
        return g.logIn(NAME, captchaUuid, code, tags, () -> {
            if (!rightPassword) {
                throw new ApiException(ErrorCode.WRONG_CREDENTIALS, "wrong");
            }
            return new LoginProtection.Principal("acc", null, "alice");
        }, p -> "session");
    }

    private static String code(ApiException e) { return e.error().code(); }

    @Test
    void captchaAfterSixFailuresIsOneTimeAndSuccessResets() {
        TwoFactorManager tf = new TwoFactorManager(store, new SecretCipher(dir.toString()));
        LoginProtection g = guard(tf);
        for (int i = 0; i < 6; i++) {
            assertEquals("ID.1003", code(assertThrows(ApiException.class, () -> login(g, false, null, null, null))));
        }
        assertEquals("ID.1005", code(assertThrows(ApiException.class, () -> login(g, true, null, null, null))), "7th needs a captcha");
        assertEquals(7, store.failures(NAME), "refusals while a captcha is required count");

        Map<String, Object> c = g.newCaptcha(NAME);
        byte[] png = java.util.Base64.getDecoder().decode((String) c.get("captcha"));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        String uuid = (String) c.get("captchaUuid");
        String answer = store.captchas.get(uuid).getAnswer();
        assertEquals("ID.1005", code(assertThrows(ApiException.class, () -> login(g, true, uuid, "WRONG", null))));
        assertEquals("ID.1005", code(assertThrows(ApiException.class, () -> login(g, true, uuid, answer, null))), "a captcha answers once, even after a wrong answer");

        Map<String, Object> c2 = g.newCaptcha(LoginProtection.accountKey("bob"));
        String uuid2 = (String) c2.get("captchaUuid");
        String answer2 = store.captchas.get(uuid2).getAnswer();
        assertEquals("ID.1005", code(assertThrows(ApiException.class, () -> login(g, true, uuid2, answer2, null))),
                "a captcha fetched for another login name does not count");
        Map<String, Object> c3 = g.newCaptcha(NAME);
        String uuid3 = (String) c3.get("captchaUuid");
        assertEquals("session", login(g, true, uuid3, store.captchas.get(uuid3).getAnswer().toLowerCase(), null));
        assertEquals(0, store.failures(NAME));
        assertEquals("session", login(g, true, null, null, null), "no captcha once reset");
    }

    @Test
    void twoFactorAtLogin() {
        TwoFactorManager tf = new TwoFactorManager(store, new SecretCipher(dir.toString()));
        LoginProtection g = guard(tf);
        Map<String, Object> inv = tf.enrol("acc", null, "alice");
        String secret = (String) inv.get("secret");
        assertTrue(((String) inv.get("uri")).startsWith("otpauth://totp/Kumo:alice?secret=" + secret));
        assertFalse(store.twoFactor.get("acc:").getSecret().contains(secret), "stored encrypted");
        assertEquals("session", login(g, true, null, null, null), "pending enrolment does not yet need codes");

        long step = Totp.step(System.currentTimeMillis() / 1000);
        tf.verify("acc", null, Totp.code(secret, step - 1));
        assertEquals("ID.1006", code(assertThrows(ApiException.class, () -> login(g, true, null, null, null))));
        assertEquals("ID.1006", code(assertThrows(ApiException.class, () -> login(g, true, null, null, List.of("twofatoken::000000")))));
        assertEquals("ID.1006", code(assertThrows(ApiException.class,
                () -> login(g, true, null, null, List.of("twofatoken::" + Totp.code(secret, step - 1))))), "a used code is refused");
        assertEquals("session", login(g, true, null, null, List.of("twofatoken::" + Totp.code(secret, step))));
        assertEquals("SYS.1007", code(assertThrows(ApiException.class, () -> tf.disable("acc", null, Totp.code(secret, step), false))), "no reuse");
        tf.disable("acc", null, Totp.code(secret, step + 1), false);
        assertEquals("session", login(g, true, null, null, null));
    }

    /** The store's contract in memory. */
    static final class MemoryStore extends LoginProtectionStore {
        final Map<String, Integer> failures = new HashMap<>();
        final Map<String, CaptchaEntity> captchas = new HashMap<>();
        final Map<String, TwoFactorEntity> twoFactor = new HashMap<>();

        @Override public int failures(String n) { return failures.getOrDefault(n, 0); }
        @Override public int addFailure(String n, Timestamp now) { return failures.merge(n, 1, Integer::sum); }
        @Override public void resetFailures(String n) { failures.remove(n); }
        @Override public void createCaptcha(CaptchaEntity c) { captchas.put(c.getUuid(), c); }
        @Override public CaptchaEntity captcha(String uuid) { return captchas.get(uuid); }
        @Override public boolean replaceCaptcha(String uuid, String answer, Timestamp expires) {
            CaptchaEntity c = captchas.get(uuid);
            if (c != null) {
                c.setAnswer(answer);
                c.setExpiredDate(expires);
            }
            return c != null;
        }
        @Override public CaptchaEntity takeCaptcha(String uuid) { return captchas.remove(uuid); }
        @Override public TwoFactorEntity twoFactor(String a, String u) { return twoFactor.get(TwoFactorEntity.principal(a, u)); }
        @Override public void saveTwoFactor(TwoFactorEntity t) { twoFactor.put(t.getPrincipal(), t); }
        @Override public void setTwoFactorStatus(String uuid, String status, Timestamp now) {
            twoFactor.values().stream().filter(t -> t.getUuid().equals(uuid)).forEach(t -> t.setStatus(status));
        }
        @Override public boolean consumeStep(String uuid, long step) {
            for (TwoFactorEntity t : twoFactor.values()) {
                if (t.getUuid().equals(uuid) && t.getLastUsedStep() < step) {
                    t.setLastUsedStep(step);
                    return true;
                }
            }
            return false;
        }
        @Override public boolean deleteTwoFactor(String a, String u) { return twoFactor.remove(TwoFactorEntity.principal(a, u)) != null; }
    }
}
