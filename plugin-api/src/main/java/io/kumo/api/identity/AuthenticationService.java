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
}
