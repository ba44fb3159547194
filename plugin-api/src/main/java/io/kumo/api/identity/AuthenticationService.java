package io.kumo.api.identity;

import io.kumo.api.operation.Caller;

/** Turns the credentials of a request into a {@link Caller}. */
public interface AuthenticationService {
    /**
     * Resolves a session (the value after {@code OAuth} in {@code Authorization: OAuth <session>}).
     *
     * @param sessionUuid the session uuid
     * @param channel     {@code rest}, {@code shell} or {@code bus}
     * @param clientIp    the client address, or null
     * @return the caller
     * @throws io.kumo.api.error.ApiException {@code UNAUTHENTICATED} if the session is unknown or expired
     */
    Caller authenticate(String sessionUuid, String channel, String clientIp);

    /**
     * Resolves a request signed with an access key ({@code Authorization: ZStack <AccessKeyID>:<signature>}, ZStack's
     * scheme: {@code signature = Base64(HMAC-SHA1(secret, method + "\n" + date + "\n" + path))}).
     *
     * @param accessKeyId the AccessKeyID
     * @param signature   the signature
     * @param method      the HTTP method
     * @param date        the {@code Date} header exactly as sent
     * @param path        the request path without the {@code /zstack} context and query string, e.g. {@code /v1/zones}
     * @param channel     {@code rest}
     * @param clientIp    the client address, or null
     * @return the caller the key acts as
     * @throws io.kumo.api.error.ApiException a 401 if the key is unknown or disabled, the signature wrong or the date
     *         more than 15 minutes off
     */
    default Caller authenticateAccessKey(String accessKeyId, String signature, String method, String date, String path,
                                         String channel, String clientIp) {
        throw new io.kumo.api.error.ApiException(io.kumo.api.error.ErrorCode.UNAUTHENTICATED,
                "access keys are not supported here; log in with PUT /zstack/v1/accounts/login");
    }
}
