package io.kumo.core.login;

import io.kumo.api.config.GlobalConfigService;
import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.inventory.Uuids;

import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Guards logins: counts consecutive failures per login name in the database, asks for a captcha once they reach
 * {@code identity/login.captchaThreshold}, and asks for the TOTP code of principals that enabled two-factor
 * authentication (systemTag {@code twofatoken::<code>}, as ZStack). Every login path (account, user, LDAP) goes through
 * {@link #logIn}.
 */
public class LoginProtection {
    /** The system tag that carries a two-factor code (ZStack's). */
    public static final String TWO_FA_TAG = "twofatoken::";
    /** Where a client fetches a captcha. */
    public static final String CAPTCHA_HINT = "fetch one with GET /zstack/v1/login/control/captcha?resourceName=<login name>&loginType=account|user"
            + " and send its captchaUuid with verifyCode (the characters in the image)";

    /** Who a password check identified. @param label shown by authenticator apps */
    public record Principal(String accountUuid, String userUuid, String label) { }

    private final LoginProtectionStore store;
    private final GlobalConfigService config;
    private final TwoFactorManager twoFactor;

    /** Wires the guard. */
    public LoginProtection(LoginProtectionStore store, GlobalConfigService config, TwoFactorManager twoFactor) {
        this.store = store;
        this.config = config;
        this.twoFactor = twoFactor;
    }

    /** @param accountName an account name @return its login name */
    public static String accountKey(String accountName) { return "account:" + accountName; }

    /** @return the login name of a user inside an account */
    public static String userKey(String accountName, String userName) { return "user:" + accountName + "/" + userName; }

    /** @param uid an LDAP login name @return its login name */
    public static String ldapKey(String uid) { return "ldap:" + uid; }

    /**
     * @param loginType    account, user or ldap
     * @param resourceName the account name, {@code account/user}, or the LDAP uid
     * @return the login name
     */
    public static String key(String loginType, String resourceName) {
        if ("ldap".equals(loginType)) {
            return ldapKey(resourceName);
        }
        if ("user".equals(loginType)) {
            int slash = resourceName.indexOf('/');
            if (slash <= 0 || slash == resourceName.length() - 1) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT, "for loginType user, resourceName is <account name>/<user name>");
            }
            return userKey(resourceName.substring(0, slash), resourceName.substring(slash + 1));
        }
        return accountKey(resourceName);
    }

    /**
     * Runs a login through the guard.
     *
     * @param loginName     {@link #accountKey} or {@link #userKey}
     * @param captchaUuid   the captcha answered, or null
     * @param verifyCode    the captcha answer, or null
     * @param systemTags    the login's system tags (may carry {@code twofatoken::<code>})
     * @param checkPassword checks the credentials, throws {@link ErrorCode#WRONG_CREDENTIALS} if wrong
     * @param openSession   opens the session once every check passed
     * @return what {@code openSession} returns
     */
    public <T> T logIn(String loginName, String captchaUuid, String verifyCode, List<String> systemTags,
                       Supplier<Principal> checkPassword, Function<Principal, T> openSession) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        long threshold = config.longValue(LoginGlobalConfigs.CATEGORY, LoginGlobalConfigs.CAPTCHA_THRESHOLD);
        if (store.failures(loginName) >= threshold) {
            if (captchaUuid == null || verifyCode == null) {
                store.addFailure(loginName, now);
                throw new ApiException(LoginErrors.CAPTCHA_REQUIRED, threshold + " or more consecutive failed logins: this login needs a captcha; " + CAPTCHA_HINT);
            }
            CaptchaEntity c = store.takeCaptcha(captchaUuid);
            if (c == null || !loginName.equals(c.getLoginName()) || c.getExpiredDate().before(now)
                    || !c.getAnswer().equalsIgnoreCase(verifyCode.trim())) {
                store.addFailure(loginName, now);
                throw new ApiException(LoginErrors.CAPTCHA_WRONG, "the captcha is wrong, already used or expired; fetch a new one: " + CAPTCHA_HINT);
            }
        }
        Principal p;
        try {
            p = checkPassword.get();
        } catch (ApiException e) {
            if (ErrorCode.WRONG_CREDENTIALS.code().equals(e.error().code())) {
                int n = store.addFailure(loginName, now);
                if (n >= threshold) {
                    throw new ApiException(ErrorCode.WRONG_CREDENTIALS, e.error().details() + "; after " + n
                            + " consecutive failures the next login needs a captcha: " + CAPTCHA_HINT);
                }
            }
            throw e;
        }
        if (twoFactor.isEnabled(p.accountUuid(), p.userUuid())) {
            String code = systemTags == null ? null : systemTags.stream().filter(t -> t.startsWith(TWO_FA_TAG))
                    .map(t -> t.substring(TWO_FA_TAG.length())).findFirst().orElse(null);
            if (code == null) {
                store.addFailure(loginName, now);
                throw new ApiException(LoginErrors.TWO_FACTOR_REQUIRED,
                        "two-factor authentication is enabled: send the code of your authenticator app as systemTags [\"twofatoken::<code>\"]");
            }
            if (!twoFactor.consume(p.accountUuid(), p.userUuid(), code)) {
                store.addFailure(loginName, now);
                throw new ApiException(LoginErrors.TWO_FACTOR_WRONG, "the two-factor code is wrong or was already used; wait for the next code");
            }
        }
        store.resetFailures(loginName);
        return openSession.apply(p);
    }

    /**
     * @param loginName the login name the captcha is for
     * @return {@code captchaUuid} and {@code captcha} (the Base64 of a PNG image), as ZStack's GetLoginCaptcha
     */
    public Map<String, Object> newCaptcha(String loginName) {
        long now = System.currentTimeMillis();
        String answer = CaptchaImage.newAnswer();
        CaptchaEntity c = new CaptchaEntity();
        c.setUuid(Uuids.random());
        c.setLoginName(loginName);
        c.setAnswer(answer);
        c.setCreateDate(new Timestamp(now));
        c.setExpiredDate(new Timestamp(now + expirySeconds() * 1000));
        store.createCaptcha(c);
        return Map.of("captchaUuid", c.getUuid(), "captcha", Base64.getEncoder().encodeToString(CaptchaImage.png(answer)));
    }

    /** @param captchaUuid a captcha @return a new image (and answer, and expiry) for the same captcha */
    public Map<String, Object> refreshCaptcha(String captchaUuid) {
        String answer = CaptchaImage.newAnswer();
        if (!store.replaceCaptcha(captchaUuid, answer, new Timestamp(System.currentTimeMillis() + expirySeconds() * 1000))) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "no such captcha; it was used or has expired: " + CAPTCHA_HINT);
        }
        return Map.of("captchaUuid", captchaUuid, "captcha", Base64.getEncoder().encodeToString(CaptchaImage.png(answer)));
    }

    /** @param loginName a login name @return its consecutive failed logins */
    public int failures(String loginName) { return store.failures(loginName); }

    private long expirySeconds() { return config.longValue(LoginGlobalConfigs.CATEGORY, LoginGlobalConfigs.CAPTCHA_EXPIRY); }
}
