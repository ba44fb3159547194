package io.kumo.rest;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;
import io.kumo.api.identity.AuthenticationService;
import io.kumo.api.operation.Caller;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions held in a map; unknown sessions are refused like the kernel does. */
final class FakeAuthenticationService implements AuthenticationService {
    private final Map<String, Caller> sessions = new ConcurrentHashMap<>();

    void addSession(String sessionUuid, Caller caller) { sessions.put(sessionUuid, caller); }

    void removeSession(String sessionUuid) { sessions.remove(sessionUuid); }

    @Override
    public Caller authenticate(String sessionUuid, String channel, String clientIp) {
        Caller known = sessions.get(sessionUuid);
        if (known == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "session expired or does not exist");
        }
        return new Caller(known.accountUuid(), known.accountName(), known.userUuid(), sessionUuid,
                known.admin(), channel, clientIp);
    }
}
