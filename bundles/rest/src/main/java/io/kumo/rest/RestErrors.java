package io.kumo.rest;

import io.kumo.api.error.ApiException;
import io.kumo.api.error.ErrorCode;

/** Error codes and errors specific to the HTTP layer. */
final class RestErrors {
    /** The request body is larger than the configured limit. */
    static final ErrorCode REQUEST_TOO_LARGE = new ErrorCode("REST.1001", 413, "The request body is too large");
    /** The request body is not JSON. */
    static final ErrorCode UNSUPPORTED_MEDIA_TYPE = new ErrorCode("REST.1002", 415, "Unsupported media type");

    /** Where a client gets a session. */
    static final String LOGIN_HINT = "send Authorization: OAuth <session uuid> from PUT /zstack/v1/accounts/login";

    private RestErrors() { }

    /** @param details what is wrong with the request @return a 400 {@link ErrorCode#MALFORMED_REQUEST} */
    static ApiException malformed(String details) {
        return new ApiException(ErrorCode.MALFORMED_REQUEST, details);
    }

    /** @param details why the credentials are refused @return a 401 {@link ErrorCode#UNAUTHENTICATED} */
    static ApiException unauthenticated(String details) {
        return new ApiException(ErrorCode.UNAUTHENTICATED, details);
    }
}
