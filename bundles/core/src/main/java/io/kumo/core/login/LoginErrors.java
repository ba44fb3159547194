package io.kumo.core.login;

import io.kumo.api.error.ErrorCode;

/**
 * Error codes of login protection and access keys (ZStack-style {@code ID.NNNN}). Login refusals use the plugin-api
 * codes clients react to: {@link ErrorCode#CAPTCHA_REQUIRED} (solve a new captcha) and
 * {@link ErrorCode#TWO_FACTOR_REQUIRED} (send the current code); the details say what was missing or wrong.
 */
public final class LoginErrors {
    /** Too many failed logins: the next attempt must carry a captcha. */
    public static final ErrorCode CAPTCHA_REQUIRED = ErrorCode.CAPTCHA_REQUIRED;
    /** The captcha is unknown, used, expired or answered wrongly. */
    public static final ErrorCode CAPTCHA_WRONG = ErrorCode.CAPTCHA_REQUIRED;
    /** Two-factor authentication is enabled and the login carries no code. */
    public static final ErrorCode TWO_FACTOR_REQUIRED = ErrorCode.TWO_FACTOR_REQUIRED;
    /** The two-factor code is wrong or was already used. */
    public static final ErrorCode TWO_FACTOR_WRONG = ErrorCode.TWO_FACTOR_REQUIRED;
    /** The access-key signature does not match (or the key is unknown). */
    public static final ErrorCode ACCESS_KEY_SIGNATURE = new ErrorCode("ID.1110", 401, "The access-key signature is invalid");
    /** The Date header is missing, malformed or too far from the server's clock. */
    public static final ErrorCode ACCESS_KEY_DATE = new ErrorCode("ID.1111", 401, "The request date is missing or too far from the server time");
    /** The access key is disabled. */
    public static final ErrorCode ACCESS_KEY_DISABLED = new ErrorCode("ID.1112", 401, "The access key is disabled");

    private LoginErrors() { }
}
