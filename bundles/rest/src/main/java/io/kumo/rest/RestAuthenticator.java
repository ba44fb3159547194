package io.kumo.rest;

import io.kumo.api.identity.AuthenticationService;
import io.kumo.api.operation.Caller;
import io.kumo.api.operation.OperationDescriptor;

import javax.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Turns the {@code Authorization} header of a request into a {@link Caller}: {@code OAuth <session uuid>}, or
 * {@code ZStack <AccessKeyID>:<signature>} with a {@code Date} header (ZStack's access-key scheme).
 */
final class RestAuthenticator {
    /** The channel REST callers come from. */
    static final String CHANNEL = "rest";

    private static final String SCHEME = "OAuth";
    private static final String ACCESS_KEY_SCHEME = "ZStack";
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern ACCESS_KEY = Pattern.compile("([A-Za-z0-9]{1,64}):([A-Za-z0-9+/=]{1,128})");

    private final AuthenticationService authentication;

    /** @param authentication resolves sessions */
    RestAuthenticator(AuthenticationService authentication) { this.authentication = authentication; }

    /**
     * @param req the request
     * @return the session's caller, or an anonymous caller when there is no Authorization header
     * @throws io.kumo.api.error.ApiException 401 for a malformed header or an unknown or expired session
     */
    Caller resolve(HttpServletRequest req) {
        String clientIp = req.getRemoteAddr();
        String header = req.getHeader("Authorization");
        if (header == null) {
            return Caller.anonymous(CHANNEL, clientIp);
        }
        String[] parts = header.trim().split("\\s+");
        if (parts.length == 2 && parts[0].equalsIgnoreCase(ACCESS_KEY_SCHEME)) {
            java.util.regex.Matcher m = ACCESS_KEY.matcher(parts[1]);
            if (!m.matches()) {
                throw RestErrors.unauthenticated("the Authorization header is malformed; access keys send ZStack <AccessKeyID>:<signature>");
            }
            String path = req.getRequestURI();
            if (path.startsWith("/zstack/")) {
                path = path.substring("/zstack".length());
            }
            return authentication.authenticateAccessKey(m.group(1), m.group(2), req.getMethod(), req.getHeader("Date"), path, CHANNEL, clientIp);
        }
        if (parts.length != 2 || !parts[0].equalsIgnoreCase(SCHEME) || !SESSION.matcher(parts[1]).matches()) {
            throw RestErrors.unauthenticated("the Authorization header is malformed; " + RestErrors.LOGIN_HINT);
        }
        Caller caller = authentication.authenticate(parts[1], CHANNEL, clientIp);
        if (caller == null || caller.isAnonymous()) {
            throw RestErrors.unauthenticated("the session is not valid; " + RestErrors.LOGIN_HINT);
        }
        return caller;
    }

    /**
     * The session of an event stream: from the Authorization header, else from the {@code session} query parameter
     * (browsers' EventSource cannot send headers).
     *
     * @param req the request
     * @return the session uuid, or null when the request names none
     * @throws io.kumo.api.error.ApiException 401 for a malformed header or parameter
     */
    String streamSession(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        String session;
        if (header != null) {
            String[] parts = header.trim().split("\\s+");
            session = parts.length == 2 && parts[0].equalsIgnoreCase(SCHEME) ? parts[1] : "";
        } else {
            session = req.getParameter("session");
            if (session == null) {
                return null;
            }
        }
        if (!SESSION.matcher(session).matches()) {
            throw RestErrors.unauthenticated("the session is malformed; " + RestErrors.LOGIN_HINT
                    + " (or, for an event stream, ?session=<session uuid>)");
        }
        return session;
    }

    /**
     * @param session a session uuid, or null
     * @param req     the request, for the client address
     * @return the session's caller, or an anonymous caller when {@code session} is null
     * @throws io.kumo.api.error.ApiException 401 for an unknown or expired session
     */
    Caller resolveSession(String session, HttpServletRequest req) {
        if (session == null) {
            return Caller.anonymous(CHANNEL, req.getRemoteAddr());
        }
        Caller caller = authentication.authenticate(session, CHANNEL, req.getRemoteAddr());
        if (caller == null || caller.isAnonymous()) {
            throw RestErrors.unauthenticated("the session is not valid; " + RestErrors.LOGIN_HINT);
        }
        return caller;
    }

    /**
     * @param caller    the caller
     * @param operation the operation it calls
     * @throws io.kumo.api.error.ApiException 401 if the operation needs credentials and the caller has none
     */
    static void requireSessionUnlessPublic(Caller caller, OperationDescriptor operation) {
        if (caller.isAnonymous() && !operation.isPublic()) {
            throw RestErrors.unauthenticated(operation.name() + " requires a session: " + RestErrors.LOGIN_HINT);
        }
    }

    /**
     * @param caller the caller
     * @param what   what it asked for, for the message
     * @throws io.kumo.api.error.ApiException 401 if the caller has no credentials
     */
    static void requireSession(Caller caller, String what) {
        if (caller.isAnonymous()) {
            throw RestErrors.unauthenticated(what + " requires a session: " + RestErrors.LOGIN_HINT);
        }
    }
}
