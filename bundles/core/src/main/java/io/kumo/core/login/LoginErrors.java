package io.kumo.core.login;

import io.kumo.api.error.ErrorCode;

/** Error codes of login protection and access keys (ZStack-style {@code ID.NNNN}). */
public final class LoginErrors {
    /** Too many failed logins: the next attempt must carry a captcha. */
    public static final ErrorCode CAPTCHA_REQUIRED = new ErrorCode("ID.1101", 401, "A captcha is required to log in");
    /** The captcha is unknown, used, expired or answered wrongly. */
    public static final ErrorCode CAPTCHA_WRONG = new ErrorCode("ID.1102", 401, "The captcha is wrong or expired");
    /** Two-factor authentication is enabled and the login carries no code. */
    public static final ErrorCode TWO_FACTOR_REQUIRED = new ErrorCode("ID.1103", 401, "A two-factor authentication code is required");
    /** The two-factor code is wrong or was already used. */
    public static final ErrorCode TWO_FACTOR_WRONG = new ErrorCode("ID.1104", 401, "The two-factor authentication code is wrong");
    /** The access-key signature does not match (or the key is unknown). */
    public static final ErrorCode ACCESS_KEY_SIGNATURE = new ErrorCode("ID.1110", 401, "The access-key signature is invalid");
    /** The Date header is missing, malformed or too far from the server's clock. */
    public static final ErrorCode ACCESS_KEY_DATE = new ErrorCode("ID.1111", 401, "The request date is missing or too far from the server time");
    /** The access key is disabled. */
    public static final ErrorCode ACCESS_KEY_DISABLED = new ErrorCode("ID.1112", 401, "The access key is disabled");

    private LoginErrors() { }
}
